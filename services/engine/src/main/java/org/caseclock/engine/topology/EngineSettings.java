package org.caseclock.engine.topology;

import java.time.Duration;
import java.util.Set;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.rules.SubjectEvaluator;

/**
 * What the topology needs to know about the authority: its catalogue, organisation and calendar,
 * how often to look at the due index, how many months to keep, which codes alert, and when to
 * coalesce evaluations under load.
 *
 * <p>{@code alertHorizon}: an item that was already overdue for longer than this when the engine
 * first saw it overdue (history loaded late, a back-fill) is OVERDUE everywhere but raises no
 * alert: an alert means "act now", not "this was missed last year".
 */
public record EngineSettings(
        Catalogue catalogue,
        Organisation organisation,
        WorkingCalendar calendar,
        Duration punctuationInterval,
        int retainedMonths,
        Set<String> alerting,
        Duration alertHorizon,
        Load load) {

    /**
     * When to coalesce: while the engine is more than {@code behind} behind its input (a record
     * written to the topic longer ago than that: a back-fill or a catch-up), a subject's evaluation
     * is put off for {@code delay} after the first event put off, or until no record has come for
     * {@code behind}, whichever is sooner; its further events in that time cost no evaluation.
     * Each punctuation works through due subjects for at most {@code punctuationBudget}, so the
     * stream thread keeps polling.
     */
    public record Load(Duration behind, Duration delay, Duration punctuationBudget) {
        public static final Load DEFAULT = new Load(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(800));
    }

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

    public boolean isMaximum(String code) {
        return catalogue.contains(code) && catalogue.get(code).isMaximum();
    }
}
