package org.caseclock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard shows only series docs/metrics.md describes, and docs/metrics.md describes every
 * meter the services register and nothing they do not.
 */
class MetricsDocumentedTest {

    private static final Pattern SERIES = Pattern.compile("\\b(?:caseclock|kafka)_[a-z0-9_]+");
    /** Meters as the services register them: Counter.builder("…"), registry.counter("…") and so on. */
    private static final Pattern REGISTERED = Pattern.compile(
            "(?:(?:Counter|Timer|Gauge|MultiGauge|DistributionSummary|LongTaskTimer)\\.builder|registry\\.(?:counter|timer|gauge|summary))\\(\"(caseclock\\.[a-z.]+)\"");
    /** A row of the meter tables: | `caseclock.x.y` | `caseclock_x_y…` | */
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `(caseclock\\.[a-z.]+)` \\| `(caseclock_[a-z_]+)`");

    private final String docs = Repo.read("docs/metrics.md");
    private final JsonNode dashboard = readJson("deploy/grafana/dashboards/caseclock.json");

    @Test
    void everySeriesOnTheDashboardIsDocumented() {
        Set<String> used = new TreeSet<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> {
            Matcher m = SERIES.matcher(t.path("expr").asText());
            while (m.find()) {
                used.add(m.group());
            }
        }));
        assertThat(used).hasSizeGreaterThan(10);
        assertThat(used.stream().filter(series -> !docs.contains("`" + series + "`"))).as("not in docs/metrics.md").isEmpty();
    }

    @Test
    void everyCaseclockSeriesOnTheDashboardIsADocumentedMeter() {
        Set<String> prometheusNames = new TreeSet<>();
        DOCUMENTED.matcher(docs).results().forEach(r -> prometheusNames.add(r.group(2)));
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> SERIES.matcher(t.path("expr").asText()).results()
                .map(java.util.regex.MatchResult::group).filter(s -> s.startsWith("caseclock_"))
                .forEach(s -> assertThat(prometheusNames).as(s).anySatisfy(name -> assertThat(s).startsWith(name)))));
    }

    @Test
    void theDocumentedMetersAreExactlyTheOnesRegistered() throws IOException {
        Set<String> registered = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repo.path("services"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList()) {
                REGISTERED.matcher(Files.readString(file)).results().forEach(r -> registered.add(r.group(1)));
            }
        }
        Set<String> documented = new TreeSet<>();
        DOCUMENTED.matcher(docs).results().forEach(r -> documented.add(r.group(1)));

        assertThat(registered).contains("caseclock.ingest.events.accepted", "caseclock.engine.punctuation", "caseclock.query.items.overdue");
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void theDashboardReadsTheProvisionedDataSource() {
        String uid = Repo.yaml("deploy/grafana/provisioning/datasources/prometheus.yml").path("datasources").get(0).path("uid").asText();
        assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path("datasource").path("uid").asText()).isEqualTo(uid);
            p.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText()).isEqualTo(uid));
        });
    }

    private static JsonNode readJson(String relative) {
        try {
            return new ObjectMapper().readTree(Repo.path(relative).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
