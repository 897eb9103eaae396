package org.caseclock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: valid Compose, and wired as the services expect. */
class ComposeFileTest {

    private final JsonNode compose = Repo.yaml("docker-compose.yml");
    private final JsonNode services = compose.path("services");

    /** Loaded from its file's URI: its relative $id (compose_spec.json) needs a base to resolve against. */
    private static JsonSchema composeSpec() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of(Repo.path("deploy/schemas/compose-spec.json").toUri().toString()));
    }

    @Test
    void isValidAgainstTheComposeSpecification() {
        Set<ValidationMessage> errors = composeSpec().validate(compose);

        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaCatchesAMistake() {
        JsonNode wrong = Repo.YAML.valueToTree(Map.of("services", Map.of("ingest",
                Map.of("image", "caseclock/ingest:dev", "depends_on", Map.of("kafka", Map.of("condition", "healthy"))))));

        assertThat(composeSpec().validate(wrong)).isNotEmpty();
    }

    @Test
    void everyServiceHasAHealthCheckAndWaitsForItsDependenciesToBeHealthy() {
        List<String> problems = new ArrayList<>();
        services.properties().forEach(e -> {
            if (e.getValue().path("healthcheck").path("test").isMissingNode()) {
                problems.add(e.getKey() + " has no healthcheck");
            }
            e.getValue().path("depends_on").properties().forEach(d -> {
                if (!"service_healthy".equals(d.getValue().path("condition").asText())) {
                    problems.add(e.getKey() + " does not wait for " + d.getKey() + " to be healthy");
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void caseclockServicesCheckTheirActuatorProbesAndReachKafka() {
        for (String name : Repo.deployableServices()) {
            JsonNode service = services.path(name);
            assertThat(service.path("healthcheck").path("test").toString()).as(name)
                    .contains("/actuator/health/readiness");
            assertThat(service.path("environment").path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asText()).as(name)
                    .isEqualTo("kafka:9092");
            assertThat(service.path("depends_on").has("kafka") || service.path("depends_on").has("engine")).as(name).isTrue();
        }
    }

    @Test
    void mongoIsAReplicaSetInEveryUri() {
        assertThat(services.path("mongo").path("command").toString()).contains("--replSet", "rs0");
        assertThat(services.path("mongo").path("healthcheck").path("test").toString()).contains("rs.initiate");
        services.properties().forEach(e -> {
            JsonNode uri = e.getValue().path("environment").path("MONGODB_URI");
            if (!uri.isMissingNode()) {
                assertThat(uri.asText()).as(e.getKey()).contains("replicaSet=rs0");
                assertThat(e.getValue().path("depends_on").path("mongo").path("condition").asText()).as(e.getKey())
                        .isEqualTo("service_healthy");
            }
        });
    }

    @Test
    void theEngineKeepsItsStateOnAVolumeAndEveryoneReadsTheSameOrganisation() {
        JsonNode engine = services.path("engine");
        String stateDir = engine.path("environment").path("CASECLOCK_ENGINE_STATE_DIR").asText();
        assertThat(engine.path("volumes").toString()).contains("engine-state:" + stateDir);
        assertThat(compose.path("volumes").has("engine-state")).isTrue();
        for (String name : List.of("engine", "query", "alerts")) {
            assertThat(services.path(name).path("environment").path("SPRING_CONFIG_IMPORT").asText()).as(name)
                    .contains("file:/etc/caseclock/organisation.yml");
        }
    }

    @Test
    void everyMountedFileIsInTheRepository() {
        List<String> missing = new ArrayList<>();
        services.properties().forEach(e -> e.getValue().path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if (source.startsWith("./") && !Files.exists(Repo.path(source.substring(2)))) {
                missing.add(e.getKey() + ": " + source);
            }
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void prometheusScrapesEveryServiceAndGrafanaShowsIt() {
        JsonNode jobs = Repo.yaml("deploy/prometheus/prometheus.yml").path("scrape_configs");
        for (String name : Repo.deployableServices()) {
            JsonNode job = null;
            for (JsonNode j : jobs) {
                if (j.path("job_name").asText().equals(name)) {
                    job = j;
                }
            }
            assertThat(job).as("a Prometheus job for " + name).isNotNull();
            assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
            assertThat(job.path("static_configs").get(0).path("targets").get(0).asText())
                    .isEqualTo(name + ":" + Services.port(name));
        }
        assertThat(services.path("grafana").path("volumes").toString())
                .contains("./deploy/grafana/provisioning:", "./deploy/grafana/dashboards:");
    }
}
