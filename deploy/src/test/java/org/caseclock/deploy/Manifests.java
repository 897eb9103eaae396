package org.caseclock.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resources kustomization.yaml lists, as typed Kubernetes objects. */
record Manifests(List<HasMetadata> all) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Manifests load() {
        List<HasMetadata> all = new ArrayList<>();
        for (String file : files()) {
            for (JsonNode doc : Repo.yamlDocuments("k8s/" + file)) {
                Object parsed = SERIALIZATION.unmarshal(doc.toString());
                if (!(parsed instanceof HasMetadata resource) || parsed.getClass().getSimpleName().startsWith("Generic")) {
                    throw new IllegalStateException("k8s/" + file + ": not a known Kubernetes kind: "
                            + doc.path("apiVersion").asText() + " " + doc.path("kind").asText());
                }
                all.add(resource);
            }
        }
        return new Manifests(all);
    }

    static List<String> files() {
        List<String> files = new ArrayList<>();
        Repo.yaml("k8s/kustomization.yaml").path("resources").forEach(r -> files.add(r.asText()));
        return files;
    }

    <T extends HasMetadata> List<T> of(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T find(Class<T> type, String name) {
        return of(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst().orElse(null);
    }

    /** Every Deployment's and StatefulSet's pod template, by workload name. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        of(Deployment.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        of(StatefulSet.class).forEach(s -> templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    /** Every container, named workload/container. */
    Map<String, Container> containers() {
        Map<String, Container> containers = new LinkedHashMap<>();
        podTemplates().forEach((workload, template) -> template.getSpec().getContainers()
                .forEach(c -> containers.put(workload + "/" + c.getName(), c)));
        return containers;
    }
}
