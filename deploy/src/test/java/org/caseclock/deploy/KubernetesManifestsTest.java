package org.caseclock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** k8s/: typed Kubernetes objects, wired to each other and to what the services read. */
class KubernetesManifestsTest {

    private static final String MANAGEMENT_PORT = "9090";

    private final Manifests k8s = Manifests.load();

    @Test
    void everyManifestIsInTheKustomization() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Repo.path("k8s"))) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList();
        }
        assertThat(Manifests.files()).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(k8s.all()).allSatisfy(r -> assertThat(r.getMetadata().getName()).isNotBlank());
    }

    @Test
    void everyContainerHasActuatorProbesOnTheManagementPort() {
        k8s.containers().forEach((name, c) -> {
            assertProbe(name + " liveness", c.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(name + " readiness", c.getReadinessProbe(), "/actuator/health/readiness");
            assertProbe(name + " startup", c.getStartupProbe(), "/actuator/health/liveness");
            assertThat(c.getPorts()).as(name).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("management");
                assertThat(p.getContainerPort()).isEqualTo(Integer.parseInt(MANAGEMENT_PORT));
            });
            assertThat(env(c)).as(name).containsEntry("MANAGEMENT_SERVER_PORT", MANAGEMENT_PORT);
        });
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what).isEqualTo("management");
    }

    @Test
    void everyContainerHasRequestsAndLimits() {
        k8s.containers().forEach((name, c) -> {
            assertThat(c.getResources().getRequests()).as(name + " requests").containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(name + " limits").containsKeys("cpu", "memory");
        });
    }

    @Test
    void everyPodRunsAsTheImagesNonRootUser() {
        k8s.podTemplates().forEach((name, t) -> {
            assertThat(t.getSpec().getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(t.getSpec().getSecurityContext().getRunAsUser()).as(name).isEqualTo(10001L);
        });
    }

    @Test
    void theEngineIsAStatefulSetWithItsStateOnAVolumeStandbysAndStaticMembership() {
        StatefulSet engine = k8s.find(StatefulSet.class, "engine");
        assertThat(engine).isNotNull();
        assertThat(k8s.find(Deployment.class, "engine")).isNull();
        Container container = engine.getSpec().getTemplate().getSpec().getContainers().get(0);
        Binder binder = binderFor(container);

        String claim = engine.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        VolumeMount state = container.getVolumeMounts().stream().filter(m -> m.getName().equals(claim)).findFirst().orElseThrow();
        assertThat(binder.bind("caseclock.engine.state-dir", String.class).get()).isEqualTo(state.getMountPath());

        Map<String, String> streams = binder.bind("spring.kafka.streams.properties", Bindable.mapOf(String.class, String.class)).get();
        assertThat(streams).containsKey("num.standby.replicas");
        int standbys = Integer.parseInt(streams.get("num.standby.replicas"));
        assertThat(standbys).isGreaterThanOrEqualTo(1);
        assertThat(engine.getSpec().getReplicas()).as("pods for the standbys to live on").isGreaterThan(standbys);
        assertThat(streams).containsEntry("group.instance.id", "engine-0");
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("SPRING_KAFKA_STREAMS_PROPERTIES_GROUP_INSTANCE_ID");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        });

        Service headless = k8s.find(Service.class, engine.getSpec().getServiceName());
        assertThat(headless).isNotNull();
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    }

    /** Binds a container's environment as Spring Boot would, with the pod name as engine-0. */
    private Binder binderFor(Container container) {
        Map<String, Object> env = new HashMap<>();
        container.getEnvFrom().forEach(from -> env.putAll(k8s.find(ConfigMap.class, from.getConfigMapRef().getName()).getData()));
        for (EnvVar e : container.getEnv()) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            } else if (e.getValueFrom().getFieldRef() != null) {
                env.put(e.getName(), "engine-0");
            }
        }
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return new Binder(ConfigurationPropertySources.from(sources));
    }

    @Test
    void everyConfigMapReferencedIsDefinedHere() {
        Set<String> defined = new HashSet<>();
        k8s.of(ConfigMap.class).forEach(c -> defined.add(c.getMetadata().getName()));
        Set<String> referenced = new HashSet<>();
        k8s.podTemplates().values().forEach(t -> {
            for (Container c : t.getSpec().getContainers()) {
                c.getEnvFrom().stream().filter(f -> f.getConfigMapRef() != null).forEach(f -> referenced.add(f.getConfigMapRef().getName()));
                c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null)
                        .forEach(e -> referenced.add(e.getValueFrom().getConfigMapKeyRef().getName()));
            }
            for (Volume v : volumes(t)) {
                if (v.getConfigMap() != null) {
                    referenced.add(v.getConfigMap().getName());
                }
                projections(v).stream().filter(p -> p.getConfigMap() != null).forEach(p -> referenced.add(p.getConfigMap().getName()));
            }
        });
        assertThat(referenced).isNotEmpty();
        assertThat(defined).containsAll(referenced);
    }

    @Test
    void everySecretReferencedIsDocumentedAsCreatedOutsideGit() {
        String readme = Repo.read("k8s/README.md");
        List<String> undocumented = new ArrayList<>();
        k8s.podTemplates().values().forEach(t -> t.getSpec().getContainers().forEach(c -> c.getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .filter(ref -> !readme.contains("| `" + ref.getName() + "` | `" + ref.getKey() + "` |"))
                .forEach(ref -> undocumented.add(ref.getName() + "/" + ref.getKey()))));
        k8s.of(Ingress.class).forEach(i -> i.getSpec().getTls().stream()
                .filter(tls -> !readme.contains("| `" + tls.getSecretName() + "` |"))
                .forEach(tls -> undocumented.add(tls.getSecretName())));
        assertThat(undocumented).isEmpty();
        assertThat(k8s.of(Secret.class)).as("Secrets are created outside git").isEmpty();
    }

    @Test
    void everyConfigurationFileTheServicesReadIsMounted() {
        k8s.podTemplates().forEach((workload, t) -> {
            Container c = t.getSpec().getContainers().get(0);
            Map<String, String> env = env(c);
            List<String> files = new ArrayList<>();
            if (env.containsKey("SPRING_CONFIG_IMPORT")) {
                for (String location : env.get("SPRING_CONFIG_IMPORT").split(",")) {
                    files.add(location.substring("file:".length()));
                }
            }
            env.forEach((name, value) -> {
                if (name.endsWith("CATALOGUE_OVERRIDES")) {
                    files.add(value);
                }
            });
            for (String file : files) {
                assertThat(mountedConfigMapKeys(t, c)).as(workload + " reads " + file).contains(file);
            }
        });
    }

    /** Path of every file a ConfigMap volume puts in the container. */
    private Set<String> mountedConfigMapKeys(PodTemplateSpec t, Container c) {
        Set<String> paths = new HashSet<>();
        for (VolumeMount m : c.getVolumeMounts()) {
            Volume v = volumes(t).stream().filter(vol -> vol.getName().equals(m.getName())).findFirst().orElse(null);
            if (v == null) {
                continue; // a StatefulSet's volume claim
            }
            List<String> configMaps = new ArrayList<>();
            if (v.getConfigMap() != null) {
                configMaps.add(v.getConfigMap().getName());
            }
            projections(v).stream().filter(p -> p.getConfigMap() != null).forEach(p -> configMaps.add(p.getConfigMap().getName()));
            for (String name : configMaps) {
                k8s.find(ConfigMap.class, name).getData().keySet().forEach(key -> paths.add(m.getMountPath() + "/" + key));
            }
        }
        return paths;
    }

    @Test
    void theIngressRoutesEventsToIngestAndEverythingElseToQuery() {
        Ingress ingress = k8s.of(Ingress.class).get(0);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();
        assertThat(paths).anySatisfy(p -> assertRoute(p, "/api/events", "ingest"));
        assertThat(paths).anySatisfy(p -> assertRoute(p, "/", "query"));
        assertThat(paths).hasSize(2);
    }

    private void assertRoute(HTTPIngressPath path, String prefix, String service) {
        assertThat(path.getPath()).isEqualTo(prefix);
        assertThat(path.getPathType()).isEqualTo("Prefix");
        assertThat(path.getBackend().getService().getName()).isEqualTo(service);
        assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
        Service target = k8s.find(Service.class, service);
        assertThat(target.getSpec().getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getPort()).isEqualTo(Services.port(service));
        });
    }

    @Test
    void everyServiceSelectsAWorkloadAndItsNamedPorts() {
        for (Service s : k8s.of(Service.class)) {
            PodTemplateSpec t = k8s.podTemplates().values().stream()
                    .filter(pod -> pod.getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                    .findFirst().orElse(null);
            assertThat(t).as(s.getMetadata().getName() + " selects a pod").isNotNull();
            Set<String> portNames = new HashSet<>();
            t.getSpec().getContainers().forEach(c -> c.getPorts().forEach(p -> portNames.add(p.getName())));
            s.getSpec().getPorts().forEach(p -> assertThat(portNames).as(s.getMetadata().getName()).contains(p.getTargetPort().getStrVal()));
        }
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowOnlyWhatTheServicesUse() {
        NetworkPolicy deny = k8s.find(NetworkPolicy.class, "default-deny");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();

        k8s.podTemplates().forEach((workload, t) -> {
            Map<String, String> labels = t.getMetadata().getLabels();
            Map<String, String> env = env(t.getSpec().getContainers().get(0));
            assertThat(egressPorts(labels)).as(workload + " may resolve names").contains(53);
            assertThat(egressPorts(labels)).as(workload + " may reach Kafka").contains(9092);
            if (env.containsKey("MONGODB_URI")) {
                assertThat(egressPorts(labels)).as(workload + " may reach MongoDB").contains(27017);
            }
            assertThat(ingressPorts(labels)).as(workload + " may be scraped").contains(Integer.parseInt(MANAGEMENT_PORT));
        });
        for (String routed : List.of("ingest", "query")) {
            Map<String, String> labels = k8s.find(Deployment.class, routed).getSpec().getTemplate().getMetadata().getLabels();
            assertThat(ingressPorts(labels)).as("the ingress controller reaches " + routed).contains(Services.port(routed));
        }
        Map<String, String> engine = k8s.find(StatefulSet.class, "engine").getSpec().getTemplate().getMetadata().getLabels();
        assertThat(ingressPorts(engine)).as("nothing but Prometheus calls the engine").containsOnly(Integer.parseInt(MANAGEMENT_PORT));
    }

    private Set<Integer> egressPorts(Map<String, String> podLabels) {
        Set<Integer> ports = new HashSet<>();
        policiesFor(podLabels).forEach(p -> p.getSpec().getEgress().forEach(rule -> rule.getPorts().forEach(port -> ports.add(number(port)))));
        return ports;
    }

    private Set<Integer> ingressPorts(Map<String, String> podLabels) {
        Set<Integer> ports = new HashSet<>();
        policiesFor(podLabels).forEach(p -> p.getSpec().getIngress().forEach(rule -> rule.getPorts().forEach(port -> ports.add(number(port)))));
        return ports;
    }

    private static int number(NetworkPolicyPort port) {
        return port.getPort().getIntVal();
    }

    private List<NetworkPolicy> policiesFor(Map<String, String> podLabels) {
        return k8s.of(NetworkPolicy.class).stream().filter(p -> selects(p.getSpec().getPodSelector(), podLabels)).toList();
    }

    /** Label selector semantics, for the operators these manifests use. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (var expression : selector.getMatchExpressions()) {
                if (!expression.getOperator().equals("In")) {
                    throw new IllegalStateException("selector operator not understood here: " + expression.getOperator());
                }
                if (!expression.getValues().contains(labels.get(expression.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void ingestAndAlertsAutoscaleAndQueryDoesNot() {
        for (String name : List.of("ingest", "alerts")) {
            HorizontalPodAutoscaler hpa = k8s.find(HorizontalPodAutoscaler.class, name);
            assertThat(hpa).as(name).isNotNull();
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(k8s.find(Deployment.class, hpa.getSpec().getScaleTargetRef().getName())).isNotNull();
            assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        }
        // Replicas would split the engine's topics, and each would serve live updates from its share only.
        assertThat(k8s.find(HorizontalPodAutoscaler.class, "query")).isNull();
        assertThat(k8s.find(Deployment.class, "query").getSpec().getReplicas()).isEqualTo(1);
    }

    private static Map<String, String> env(Container c) {
        Map<String, String> env = new HashMap<>();
        c.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        c.getEnv().stream().filter(e -> e.getValueFrom() != null).forEach(e -> env.put(e.getName(), "(from " + e.getValueFrom() + ")"));
        return env;
    }

    private static List<Volume> volumes(PodTemplateSpec t) {
        PodSpec spec = t.getSpec();
        return spec.getVolumes() == null ? List.of() : spec.getVolumes();
    }

    private static List<VolumeProjection> projections(Volume v) {
        return v.getProjected() == null ? List.of() : v.getProjected().getSources();
    }
}
