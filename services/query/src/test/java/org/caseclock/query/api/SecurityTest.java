package org.caseclock.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.caseclock.query.store.AuditLog;
import org.caseclock.security.LocalTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

/**
 * API.md's Security section on the query service, with security on and tokens signed by a key
 * made for the test ({@link TokenApiTest}). The organisation: teams T1 and T2 in service FAM, T3
 * in service CLA; one overdue item in T1 and one in T3.
 */
class SecurityTest extends TokenApiTest {

    @Autowired
    LiveUpdates live;

    private static String teamManager(String sub, String... teams) {
        return TOKENS.token(sub, "", Map.of("teams", List.of(teams)));
    }

    private List<Document> audit() {
        return mongo.getCollection(AuditLog.COLLECTION).find().into(new ArrayList<>());
    }

    @Test
    void without_a_token_every_api_call_is_401_and_health_api_docs_and_the_dashboard_stay_open() throws Exception {
        // Given no token, When any /api endpoint is called, Then 401 with a JSON error and a bearer challenge
        for (String path : List.of("/api/status", "/api/indicators?scope=LA", "/api/indicators/CIN4?scope=LA",
                "/api/indicators/CIN4/items?scope=team/T1", "/api/overdue?scope=team/T1", "/api/alerts?scope=team/T1",
                "/api/packs/weekly?scope=LA", "/api/stream?scope=LA")) {
            mvc.perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                    .andExpect(jsonPath("$.error").value("a valid bearer token is required"));
        }
        // And the probes, the OpenAPI document and the dashboard need none
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
        mvc.perform(get("/index.html")).andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
        // And nothing was read, so nothing is audited
        assertThat(audit()).isEmpty();
    }

    @Test
    void a_token_signed_by_another_key_is_401() throws Exception {
        String forged = new LocalTokens().token("mallory", "lists:la", Map.of());
        read("/api/overdue?scope=team/T1", forged).andExpect(status().isUnauthorized());
    }

    @Test
    void a_team_manager_reads_their_own_teams_items_and_the_read_is_audited_with_who_when_and_scope() throws Exception {
        // Given a team manager of T1
        String token = teamManager("manager-t1", "T1");
        Instant before = Instant.now();

        // When they read T1's CIN4 items
        read("/api/indicators/CIN4/items?scope=team/T1", token)
                // Then they get them
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].subject").value("child/C1"));

        // And the read is in the audit log: who, when, which scope, which list
        List<Document> audit = audit();
        assertThat(audit).hasSize(1);
        Document entry = audit.get(0);
        assertThat(entry.getString("sub")).isEqualTo("manager-t1");
        assertThat(entry.getString("scope")).isEqualTo("team/T1");
        assertThat(entry.getString("endpoint")).isEqualTo("/api/indicators/CIN4/items");
        assertThat(entry.getString("code")).isEqualTo("CIN4");
        assertThat(entry.getBoolean("allowed")).isTrue();
        assertThat(entry.getDate("at").toInstant()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void a_team_manager_reading_another_teams_lists_is_refused_403_naming_the_scope_and_the_attempt_is_audited() throws Exception {
        // Given a team manager of T1
        String token = teamManager("manager-t1", "T1");

        // When they ask for T3's items, overdue list and alerts, Then 403 naming the scope
        for (String path : List.of("/api/indicators/CIN4/items?scope=team/T3", "/api/overdue?scope=team/T3",
                "/api/alerts?scope=team/T3")) {
            read(path, token)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.scope").value("team/T3"))
                    .andExpect(jsonPath("$.error").value("this token may not read the lists of team/T3"));
        }
        // And every attempt is in the audit log as refused
        assertThat(audit()).hasSize(3).allSatisfy(d -> {
            assertThat(d.getString("sub")).isEqualTo("manager-t1");
            assertThat(d.getString("scope")).isEqualTo("team/T3");
            assertThat(d.getBoolean("allowed")).isFalse();
        });
    }

    @Test
    void a_team_manager_may_not_read_the_lists_of_their_service_or_of_the_authority() throws Exception {
        String token = teamManager("manager-t1", "T1");
        read("/api/overdue?scope=service/FAM", token).andExpect(status().isForbidden());
        read("/api/overdue?scope=LA", token).andExpect(status().isForbidden());
    }

    @Test
    void a_service_holder_reads_the_lists_of_the_service_and_its_teams_but_not_of_another_services_team() throws Exception {
        // Given a head of service FAM (teams T1 and T2)
        String token = TOKENS.token("head-fam", "", Map.of("services", List.of("FAM")));

        // Then FAM's and its teams' lists are open to them, CLA's team T3's are not
        read("/api/overdue?scope=service/FAM", token).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].subject").value("child/C1"));
        read("/api/overdue?scope=team/T2", token).andExpect(status().isOk());
        read("/api/overdue?scope=team/T3", token).andExpect(status().isForbidden());
    }

    @Test
    void the_authority_wide_scope_reads_every_list() throws Exception {
        String token = TOKENS.token("director", "lists:la", Map.of());
        read("/api/overdue?scope=LA", token).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2));
        read("/api/alerts?scope=team/T3", token).andExpect(status().isOk());
        assertThat(audit()).extracting(d -> d.getString("scope")).containsExactly("LA", "team/T3");
    }

    @Test
    void the_authoritys_aggregates_are_readable_with_any_token_a_teams_only_as_its_lists() throws Exception {
        // Given a team manager of T1
        String token = teamManager("manager-t1", "T1");

        // Then the authority's indicators, one indicator and the weekly pack are open to them
        read("/api/indicators?scope=LA", token).andExpect(status().isOk());
        read("/api/indicators/CIN4?scope=LA", token).andExpect(status().isOk());
        read("/api/packs/weekly?scope=LA", token).andExpect(status().isOk());
        read("/api/status", token).andExpect(status().isOk());
        // And their own team's figures
        read("/api/indicators?scope=team/T1", token).andExpect(status().isOk());
        // But not another team's or another service's
        read("/api/indicators?scope=team/T3", token).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.scope").value("team/T3"));
        read("/api/packs/weekly?scope=service/CLA", token).andExpect(status().isForbidden());
        // And reading figures is no list read: nothing audited
        assertThat(audit()).isEmpty();
    }

    @Test
    void the_stream_of_the_authority_carries_no_item_events_to_a_team_manager_and_is_not_audited() throws Exception {
        // Given a team manager of T1 who opens the authority's stream
        MvcResult stream = read("/api/stream?scope=LA", teamManager("manager-t1", "T1"))
                .andExpect(request().asyncStarted()).andReturn();

        // When an item of T1 changes, then a heartbeat goes out
        live.itemChanged(null, TwoServices.overdue("child/C9", "T1", "FAM").value());
        live.heartbeat();

        // Then the stream got the heartbeat but not the item (events go out in order)
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stream.getResponse().getContentAsString().contains(":heartbeat"));
        assertThat(stream.getResponse().getContentAsString()).doesNotContain("event:item").doesNotContain("child/");
        assertThat(audit()).isEmpty();
    }

    @Test
    void a_team_managers_stream_of_their_team_carries_item_events_and_its_opening_is_audited() throws Exception {
        MvcResult stream = read("/api/stream?scope=team/T1", teamManager("manager-t1", "T1"))
                .andExpect(request().asyncStarted()).andReturn();

        live.itemChanged(null, TwoServices.overdue("child/C9", "T1", "FAM").value());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> stream.getResponse().getContentAsString().contains("event:item"));
        assertThat(audit()).singleElement().satisfies(d -> {
            assertThat(d.getString("sub")).isEqualTo("manager-t1");
            assertThat(d.getString("scope")).isEqualTo("team/T1");
            assertThat(d.getString("endpoint")).isEqualTo("/api/stream");
        });
    }

    @Test
    void a_team_managers_stream_of_another_team_is_refused() throws Exception {
        read("/api/stream?scope=team/T3", teamManager("manager-t1", "T1")).andExpect(status().isForbidden());
    }
}
