package org.caseclock.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.caseclock.query.store.AuditLog;
import org.caseclock.query.store.ItemStore;
import org.caseclock.query.store.Materialised.Write;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The authority of the security tests: teams T1 and T2 in service FAM, T3 in service CLA
 * ({@code caseclock.organisation.teams} in each test's properties); one overdue item in T1
 * (child/C1) and one in T3 (child/C3); the audit trail empty.
 */
final class TwoServices {

    private TwoServices() {}

    static void oneOverdueItemInT1AndOneInT3(ItemStore items, MongoTemplate mongo) {
        items.apply(List.of(overdue("child/C1", "T1", "FAM"), overdue("child/C3", "T3", "CLA")));
        mongo.getCollection(AuditLog.COLLECTION).deleteMany(new Document());
    }

    /** A CIN4 item three days overdue. */
    static Write<ComplianceItem> overdue(String subject, String team, String service) {
        LocalDate due = LocalDate.now().minusDays(3);
        ComplianceItem item = new ComplianceItem(subject, "CIN4", "1", Status.OVERDUE, team, service, "W1", due.minusWeeks(4),
                due.minusWeeks(4), due, null, null, null, null, Instant.now());
        return new Write<>(subject + "|CIN4|1", item);
    }
}
