package org.caseclock.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.caseclock.query.store.AuditLog;
import org.caseclock.events.out.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/audit} (docs/api.md): the trail of list reads for a data protection officer, a
 * token with the scope {@code audit:read}; kept for 30 days here
 * ({@code caseclock.audit.retention}). The authority as {@link TwoServices}.
 */
class AuditTrailTest extends TokenApiTest {

    static final String DPO = TOKENS.token("dpo", "audit:read", Map.of());
    static final String MANAGER_T1 = TOKENS.token("manager-t1", "", Map.of("teams", List.of("T1")));

    @Autowired
    AuditLog audit;

    private static String window(Instant from, Instant to) {
        return "/api/audit?from=" + from + "&to=" + to;
    }

    @Test
    void the_data_protection_officer_reads_who_read_which_list_when_oldest_first_and_one_persons_reads_by_sub() throws Exception {
        // Given a team manager of T1 reads T1's overdue list and is refused T3's CIN4 items, and a
        // head of service reads FAM's alerts
        Instant before = Instant.now().minusSeconds(1);
        read("/api/overdue?scope=team/T1", MANAGER_T1).andExpect(status().isOk());
        read("/api/indicators/CIN4/items?scope=team/T3", MANAGER_T1).andExpect(status().isForbidden());
        read("/api/alerts?scope=service/FAM", TOKENS.token("head-fam", "", Map.of("services", List.of("FAM"))))
                .andExpect(status().isOk());
        Instant after = Instant.now().plusSeconds(1);

        // When the data protection officer asks for the trail of that time
        read(window(before, after), DPO)
                // Then every read is there, oldest first: who, which list, which scope, allowed or not, when
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retention").value("PT720H"))
                .andExpect(jsonPath("$.truncated").value(false))
                .andExpect(jsonPath("$.entries.length()").value(3))
                .andExpect(jsonPath("$.entries[0].sub").value("manager-t1"))
                .andExpect(jsonPath("$.entries[0].endpoint").value("/api/overdue"))
                .andExpect(jsonPath("$.entries[0].scope").value("team/T1"))
                .andExpect(jsonPath("$.entries[0].allowed").value(true))
                .andExpect(jsonPath("$.entries[0].at").isString())
                .andExpect(jsonPath("$.entries[1].endpoint").value("/api/indicators/CIN4/items"))
                .andExpect(jsonPath("$.entries[1].code").value("CIN4"))
                .andExpect(jsonPath("$.entries[1].scope").value("team/T3"))
                .andExpect(jsonPath("$.entries[1].allowed").value(false))
                .andExpect(jsonPath("$.entries[2].sub").value("head-fam"))
                .andExpect(jsonPath("$.entries[2].scope").value("service/FAM"));

        // And asking for one person's reads gives theirs only
        read(window(before, after) + "&sub=head-fam", DPO)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sub").value("head-fam"))
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].endpoint").value("/api/alerts"));
    }

    @Test
    void from_is_inclusive_and_to_exclusive() throws Exception {
        // Given reads at 10:00, 11:00 and 12:00 two days ago
        Instant ten = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
        for (int hour = 0; hour < 3; hour++) {
            audit.listRead("manager-t1", ten.plus(Duration.ofHours(hour)), Scope.parse("team/T1"), "/api/overdue", null, true);
        }
        // When the trail from 11:00 to 12:00 is asked for, Then only the 11:00 read is in it
        read(window(ten.plusSeconds(3600), ten.plusSeconds(7200)), DPO)
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].at").value(ten.plusSeconds(3600).toString()));
    }

    @Test
    void the_trail_is_refused_403_to_every_token_without_audit_read_even_the_authority_wide_one_and_401_without_a_token()
            throws Exception {
        String window = window(Instant.now().minusSeconds(3600), Instant.now());
        read(window, TOKENS.token("director", "lists:la", Map.of())).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("reading the audit trail needs the scope audit:read"));
        read(window, MANAGER_T1).andExpect(status().isForbidden());
        mvc.perform(get(window)).andExpect(status().isUnauthorized());
    }

    @Test
    void bad_parameters_are_400_naming_the_field() throws Exception {
        read("/api/audit?to=2026-12-01T00:00:00Z", DPO).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("from is required"));
        read("/api/audit?from=2026-12-01T00:00:00Z", DPO).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("to is required"));
        read("/api/audit?from=yesterday&to=2026-12-01T00:00:00Z", DPO).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("from must be a time as RFC 3339, e.g. 2026-12-01T00:00:00Z"));
        // No offset: not RFC 3339, whose times say which zone they are in
        read("/api/audit?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00", DPO).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("to must be a time as RFC 3339, e.g. 2026-12-01T00:00:00Z"));
        read("/api/audit?from=2026-12-01T00:00:00Z&to=2026-11-30T23:59:59Z", DPO).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("to must be after from"));
        read("/api/audit?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&sub=", DPO).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("sub must not be empty: leave it out for everyone's reads"));
    }

    @Test
    void a_read_older_than_the_retention_is_not_answered_though_the_purge_has_not_run_yet() throws Exception {
        // Given reads 31 and 29 days ago, with 30 days' retention
        Instant now = Instant.now();
        audit.listRead("manager-t1", now.minus(Duration.ofDays(31)), Scope.parse("team/T1"), "/api/overdue", null, true);
        audit.listRead("manager-t1", now.minus(Duration.ofDays(29)), Scope.parse("team/T1"), "/api/overdue", null, true);

        // When the trail of the last 60 days is asked for, Then only the read of 29 days ago is in it
        read(window(now.minus(Duration.ofDays(60)), now), DPO)
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].at").value(now.minus(Duration.ofDays(29)).truncatedTo(ChronoUnit.MILLIS).toString()));
    }

    @Test
    void the_purge_deletes_the_reads_older_than_the_retention_and_keeps_the_rest() {
        // Given 30 days' retention and, on 2026-03-01 at midnight, reads at 2026-01-29 23:59:59
        // (a second past the 30 days: February 2026 has 28 days, so 30 days back is 2026-01-30),
        // 2026-01-30 00:00:00 (exactly 30 days back) and 2026-02-15
        Scope t1 = Scope.parse("team/T1");
        audit.listRead("manager-t1", Instant.parse("2026-01-29T23:59:59Z"), t1, "/api/overdue", null, true);
        audit.listRead("manager-t1", Instant.parse("2026-01-30T00:00:00Z"), t1, "/api/overdue", null, true);
        audit.listRead("manager-t1", Instant.parse("2026-02-15T09:00:00Z"), t1, "/api/overdue", null, true);

        // When the purge runs then
        long deleted = audit.purge(Instant.parse("2026-03-01T00:00:00Z"));

        // Then the first is gone and the other two are kept
        assertThat(deleted).isEqualTo(1);
        assertThat(mongo.getCollection(AuditLog.COLLECTION).find().into(new ArrayList<Document>()))
                .extracting(d -> d.getDate("at").toInstant().toString())
                .containsExactly("2026-01-30T00:00:00Z", "2026-02-15T09:00:00Z");
    }
}
