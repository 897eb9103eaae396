package org.caseclock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every service the root pom builds (less the modules in {@link Repo#NOT_DEPLOYED}) has a
 * Dockerfile, Kubernetes manifests and a compose entry: a new service without them fails here.
 */
class EveryServiceIsDeployableTest {

    static List<String> services() {
        return Repo.deployableServices();
    }

    @Test
    void theServicesAreFoundInTheRootPom() {
        assertThat(services()).contains("ingest", "engine", "query", "alerts");
    }

    @ParameterizedTest
    @MethodSource("services")
    void buildsItsRunnableJarAsTheExecClassifier(String service) {
        Element plugin = Repo.bootPlugin("services/" + service);
        Element configuration = (Element) plugin.getElementsByTagName("configuration").item(0);
        assertThat(configuration).as(service + ": spring-boot-maven-plugin configuration").isNotNull();
        assertThat(Repo.child(configuration, "classifier")).isEqualTo("exec");
    }

    @ParameterizedTest
    @MethodSource("services")
    void hasADockerfileForItsLayeredExecJar(String service) {
        String dockerfile = Repo.read("services/" + service + "/Dockerfile");

        assertThat(dockerfile)
                .contains("FROM eclipse-temurin:17-jre")
                .contains("ARG JAR_FILE=target/" + service + "-*-exec.jar")
                .contains("java -Djarmode=tools -jar app.jar extract --layers --launcher")
                .contains("USER 10001:10001")
                .contains("EXPOSE " + Services.port(service))
                .contains("HEALTHCHECK")
                .contains("http://localhost:" + Services.port(service) + "/actuator/health/liveness")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("COPY --from=layers /layers/extracted/" + layer + "/ ./");
        }
        assertThat(Repo.read("services/" + service + "/.dockerignore")).contains("!target/" + service + "-*-exec.jar");
    }

    @ParameterizedTest
    @MethodSource("services")
    void hasAWorkloadInK8s(String service) {
        Manifests k8s = Manifests.load();
        HasMetadata workload = k8s.find(Deployment.class, service);
        if (workload == null) {
            workload = k8s.find(StatefulSet.class, service);
        }
        assertThat(workload).as("a Deployment or StatefulSet named " + service).isNotNull();
        PodTemplateSpec template = workload instanceof Deployment d ? d.getSpec().getTemplate() : ((StatefulSet) workload).getSpec().getTemplate();
        Container container = template.getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("caseclock/" + service);
        assertThat(k8s.find(io.fabric8.kubernetes.api.model.Service.class, service)).as("a Service named " + service).isNotNull();
        assertThat(Repo.yaml("k8s/kustomization.yaml").path("images").findValuesAsText("name")).contains("caseclock/" + service);
    }

    @ParameterizedTest
    @MethodSource("services")
    void hasAComposeEntryBuiltFromItsModule(String service) {
        var entry = Repo.yaml("docker-compose.yml").path("services").path(service);
        assertThat(entry.path("build").asText()).isEqualTo("services/" + service);
        assertThat(entry.path("image").asText()).isEqualTo("caseclock/" + service + ":dev");
        assertThat(Files.isRegularFile(Repo.path(entry.path("build").asText() + "/Dockerfile"))).isTrue();
    }
}
