package org.caseclock.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's page-free rules (static/rules.js: long overdue, filters, grouping, dates with
 * their year, direction of travel, population) through their own tests in src/test/js, with
 * Node's built-in runner. Without node it is skipped, except in CI, where it fails.
 */
class DashboardRulesTest {

    @Test
    void the_dashboards_rules_pass_their_node_tests() throws IOException, InterruptedException {
        Process node;
        try {
            node = new ProcessBuilder("node", "--test", "src/test/js/").redirectErrorStream(true).start();
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("node is needed for the dashboard's rule tests (apt-get install -y nodejs)");
            }
            assumeTrue(false, "Skipped: no node on the PATH");
            return;
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node --test finished").isTrue();
        Files.writeString(Path.of("target", "dashboard-rules.tap"), output);
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0");
    }
}
