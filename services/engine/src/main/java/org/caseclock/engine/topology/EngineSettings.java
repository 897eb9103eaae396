package org.caseclock.engine.topology;

import java.time.Duration;
import java.util.Set;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.rules.SubjectEvaluator;

/**
 * What the topology needs to know about the authority: its catalogue, organisation and calendar,
 * how often to look at the due index, how many months to keep, and which codes alert.
 */
public record EngineSettings(
        Catalogue catalogue,
        Organisation organisation,
        WorkingCalendar calendar,
        Duration punctuationInterval,
        int retainedMonths,
        Set<String> alerting) {

    public static Set<String> alertingOf(Catalogue catalogue, Set<String> extra) {
        Set<String> codes = new java.util.HashSet<>(extra);
        catalogue.all().stream().filter(i -> i.alert()).forEach(i -> codes.add(i.code()));
        for (String code : codes) {
            catalogue.get(code); // an unknown code in configuration fails start-up
        }
        return Set.copyOf(codes);
    }

    /** Month values of snapshot counters (and the data-quality counts) are as at month end. */
    public boolean isSnapshot(String code) {
        if (code.startsWith(SubjectEvaluator.DATA_QUALITY_PREFIX)) {
            return true;
        }
        return catalogue.get(code).isSnapshot();
    }

    public boolean countsDistinctWorkers(String code) {
        return catalogue.contains(code) && catalogue.get(code).countsDistinctWorkers();
    }
}
