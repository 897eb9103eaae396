package org.caseclock.query.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.caseclock.query.store.AuditLog;
import org.caseclock.query.store.AuditProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit?from=&to=[&sub=]}: who read which child-level list when, for a data
 * protection officer (a token or user with the scope {@code audit:read}; docs/api.md).
 */
@RestController
class AuditController {

    /** More than a day's reading of a large authority; past it, {@code truncated} says to ask for less. */
    static final int LIMIT = 10_000;

    /**
     * @param retention  how far back the trail reaches at all
     * @param truncated  true when there were more than {@value #LIMIT} entries: ask for a shorter time
     */
    record Trail(Instant from, Instant to, String sub, Duration retention, List<AuditLog.Entry> entries,
                 boolean truncated) {}

    private final AuditLog audit;
    private final AuditProperties properties;
    private final Access access;
    private final Clock clock;

    AuditController(AuditLog audit, AuditProperties properties, Access access, Clock clock) {
        this.audit = audit;
        this.properties = properties;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/audit")
    Trail audit(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) String sub) {
        access.auditTrail();
        Instant start = time("from", from);
        Instant end = time("to", to);
        if (!end.isAfter(start)) {
            throw new BadRequest("to must be after from");
        }
        if (sub != null && sub.isBlank()) {
            throw new BadRequest("sub must not be empty: leave it out for everyone's reads");
        }
        List<AuditLog.Entry> entries = audit.read(start, end, sub, clock.instant(), LIMIT + 1);
        boolean truncated = entries.size() > LIMIT;
        return new Trail(start, end, sub, properties.retention(), truncated ? entries.subList(0, LIMIT) : entries,
                truncated);
    }

    private static Instant time(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a time as RFC 3339, e.g. 2026-12-01T00:00:00Z");
        }
    }
}
