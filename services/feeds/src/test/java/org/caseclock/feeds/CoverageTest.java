package org.caseclock.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Indicator;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventType;
import org.caseclock.feeds.annexa.AnnexAFeed;
import org.caseclock.feeds.cin.CinCensusFeed;
import org.caseclock.feeds.coverage.NotComputable;
import org.caseclock.feeds.ssda903.Ssda903Feed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every catalogue code a source cannot feed is in that source's list of indicators it cannot feed. What an
 * indicator needs is read from its catalogue entry (the types its population, activity, items, condition and
 * measure are made of), so the next catalogue addition is checked without anyone remembering to; what a source
 * feeds is its importer's EVENT_TYPES, and those are checked against what its fixtures send.
 */
class CoverageTest {

    @TempDir
    Path state;

    /** The types that open a case (INDICATORS.md, Case structure). */
    private static final Set<EventType> CASE_OPENERS = EnumSet.of(EventType.ReferralReceived, EventType.AssessmentStarted,
            EventType.CinPlanStarted, EventType.CpPlanStarted, EventType.BecameLookedAfter, EventType.LeavingCareStarted);

    private static final Map<String, Set<EventType>> FED = Map.of(
            "ssd", SsdFeed.EVENT_TYPES, "cin-census", CinCensusFeed.EVENT_TYPES,
            "ssda903", Ssda903Feed.EVENT_TYPES, "annex-a", AnnexAFeed.EVENT_TYPES);

    @Test
    void everyCatalogueCodeASourceCannotFeed_forWantOfAnEventTypeItsImporterNeverSends_isInItsList() {
        // Given the catalogue, and each source's importer's event types
        Map<String, Indicator> byCode = Catalogue.defaults().all().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity(), (a, b) -> a, TreeMap::new));
        assertThat(NotComputable.FEEDS).containsExactlyInAnyOrderElementsOf(FED.keySet());
        Map<String, List<String>> unlisted = new TreeMap<>();
        for (String feed : NotComputable.FEEDS) {
            Set<String> listed = NotComputable.from(feed).keySet();
            for (Indicator indicator : byCode.values()) {
                // When an indicator needs a type (one of a set) the source never sends
                List<Set<EventType>> missing = needs(indicator, byCode).stream()
                        .filter(anyOf -> anyOf.stream().noneMatch(FED.get(feed)::contains)).toList();
                // Then it is listed, with a reason, for that source
                if (!missing.isEmpty() && !listed.contains(indicator.code())) {
                    unlisted.computeIfAbsent(feed, f -> new ArrayList<>()).add(indicator.code() + " needs one of " + missing);
                }
            }
        }
        assertThat(unlisted).as("indicators a source cannot feed but its not-computable list does not name").isEmpty();
    }

    @Test
    void whatEachImporterSaysItSends_isWhatItsFixturesSend() throws Exception {
        Returns.Kept returns = new Returns.Kept();
        new CinCensusFeed(state.resolve("cin"), "cin-census", Returns.CLOCK).run(Returns.file("cin-census-2023-24.xml"), returns, false);
        new CinCensusFeed(state.resolve("cin"), "cin-census", Returns.CLOCK).run(Returns.file("cin-census-2024-25.xml"), returns, false);
        assertThat(types(returns.takeAll())).containsExactlyInAnyOrderElementsOf(CinCensusFeed.EVENT_TYPES);
        new Ssda903Feed(state.resolve("903"), "ssda903", Returns.CLOCK).run(Returns.file("ssda903-2023-24"), returns, false);
        assertThat(types(returns.takeAll())).containsExactlyInAnyOrderElementsOf(Ssda903Feed.EVENT_TYPES);
        new AnnexAFeed(state.resolve("annex"), "annex-a", Returns.CLOCK).run(Returns.file("annex-a-2025.xlsx"), returns, false);
        assertThat(types(returns.takeAll())).containsExactlyInAnyOrderElementsOf(AnnexAFeed.EVENT_TYPES);
        SampleExtract.Kept ssd = new SampleExtract.Kept();
        new SsdFeed(state.resolve("ssd"), "ssd/sample", SampleExtract.CLOCK).runNew(SampleExtract.folder(), ssd, false);
        // the sample's assessments are all open: the extract after the census has an authorised one
        new SsdFeed(state.resolve("ssd-after-census"), "ssd", Returns.CLOCK).run(Returns.file("ssd-after-census"), ssd, false);
        assertThat(types(ssd.takeAll())).containsExactlyInAnyOrderElementsOf(SsdFeed.EVENT_TYPES);
    }

    private static Set<EventType> types(List<CaseEvent> events) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        events.stream().map(CaseEvent::type).filter(t -> t != EventType.EventRetracted).forEach(types::add);
        return types;
    }

    /**
     * The types an indicator cannot be computed without, each entry "at least one of these". The switches name
     * every value of the catalogue's enums, so that a new population, measure, item or condition does not compile
     * until what it needs is said here.
     */
    static List<Set<EventType>> needs(Indicator indicator, Map<String, Indicator> byCode) {
        List<Set<EventType>> needs = new ArrayList<>();
        boolean periodOfCare = switch (indicator.kind()) {
            case RATE -> {
                needs.addAll(needs(byCode.get(indicator.rateOf()), byCode));
                yield false;
            }
            case AVERAGE -> true; // A1 from the period of care's start, A2 within the same period of care
            case RECURRING, MILESTONE, RATIO, COUNT, SHARE -> false;
        };
        if (periodOfCare) {
            needs.add(EnumSet.of(EventType.BecameLookedAfter));
        }
        if (indicator.population() != null) {
            needs.add(started(indicator.population()));
        }
        if (indicator.ages() != null) {
            needs.add(EnumSet.of(EventType.ChildRegistered));
        }
        if (indicator.activity() != null) {
            needs.add(EnumSet.of(indicator.activity().type()));
        }
        if (indicator.measuredFrom() != null) {
            needs.add(EnumSet.of(indicator.measuredFrom().type()));
        }
        if (indicator.opens() != null) {
            needs.add(EnumSet.of(indicator.opens().type()));
        }
        if (indicator.closes() != null) {
            needs.add(EnumSet.of(indicator.closes().type()));
        }
        if (indicator.items() != null) {
            Indicator.Items items = indicator.items();
            if (items.type() != null) {
                needs.add(EnumSet.of(items.type()));
            }
            switch (items.of()) {
                case EVENTS -> { }
                case CASES_CLOSED -> {
                    needs.add(EnumSet.of(EventType.CaseClosed));
                    needs.add(CASE_OPENERS);
                }
                case EPISODES_ENDED -> needs.add(ended(indicator.population()));
                case BIRTHDAYS -> needs.add(EnumSet.of(EventType.ChildRegistered));
            }
        }
        if (indicator.condition() != null) {
            Indicator.Condition condition = indicator.condition();
            switch (condition.test()) {
                case WHERE, LASTED -> { }
                case LINKED_EXISTS, EARLIER_WITHIN, EARLIER_EXISTS, ACTIVITY_BEFORE_MONTH_END, LATEST_AROUND, PLACEMENTS_WITHIN,
                        LATEST_WITHIN -> needs.add(EnumSet.of(condition.type()));
                case STRATEGY_WITHIN -> needs.add(EnumSet.of(EventType.StrategyDiscussionHeld));
                case EARLY_HELP_OPEN_OR_STARTED_WITHIN -> needs.add(EnumSet.of(EventType.EarlyHelpStarted));
                // without placements every child would look settled since the period began
                case PLACEMENT_HELD_FOR -> needs.add(EnumSet.of(EventType.PlacementStarted));
                case SAME_WORKER_FOR -> needs.add(EnumSet.of(EventType.CaseAllocated));
            }
        }
        if (indicator.measure() != null) {
            switch (indicator.measure()) {
                case OPEN_EPISODE -> { }
                // without allocations every case would look unallocated
                case CASELOAD, MAX_CASELOAD, UNALLOCATED_OPEN -> {
                    needs.add(EnumSet.of(EventType.CaseAllocated));
                    needs.add(CASE_OPENERS);
                }
                case UNALLOCATED_ASSESSMENTS -> {
                    needs.add(EnumSet.of(EventType.CaseAllocated));
                    needs.add(EnumSet.of(EventType.AssessmentStarted));
                }
                case REPEAT_MISSING_IN_MONTH -> needs.add(EnumSet.of(EventType.MissingEpisodeStarted));
            }
        }
        return needs;
    }

    private static Set<EventType> started(Indicator.Population population) {
        return switch (population) {
            case CIN_PLAN -> EnumSet.of(EventType.CinPlanStarted);
            case CP_PLAN -> EnumSet.of(EventType.CpPlanStarted);
            case LOOKED_AFTER -> EnumSet.of(EventType.BecameLookedAfter);
            case LEAVING_CARE -> EnumSet.of(EventType.LeavingCareStarted);
            case CARER_APPROVED -> EnumSet.of(EventType.CarerApproved);
            case OPEN_CASE -> CASE_OPENERS;
            case EARLY_HELP -> EnumSet.of(EventType.EarlyHelpStarted);
        };
    }

    private static Set<EventType> ended(Indicator.Population population) {
        return switch (population) {
            case CIN_PLAN -> EnumSet.of(EventType.CinPlanEnded, EventType.CaseClosed);
            case CP_PLAN -> EnumSet.of(EventType.CpPlanEnded, EventType.CaseClosed);
            case LOOKED_AFTER -> EnumSet.of(EventType.CeasedLookedAfter, EventType.CaseClosed);
            case LEAVING_CARE -> EnumSet.of(EventType.LeavingCareEnded, EventType.CaseClosed);
            case CARER_APPROVED -> EnumSet.of(EventType.CarerDeregistered);
            case OPEN_CASE -> EnumSet.of(EventType.CaseClosed);
            case EARLY_HELP -> EnumSet.of(EventType.EarlyHelpEnded);
        };
    }
}
