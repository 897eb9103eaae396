package org.caseclock.app;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A few children whose last hours touch every indicator, so even a small simulated authority has
 * a figure for each one this month (or, in a month's first hours, last month): the rare ones
 * (repeat missing, initial health assessments, pathway plans at 16) need a few thousand cases
 * to turn up by chance, and the engine is too slow here to back-fill that many in a test.
 */
final class CoverageEvents {

    /** A team of their own, so they do not crowd a simulated team's list (the scope list shows it, under no service). */
    static final String TEAM = "BT-1";

    private final Instant now;
    private final List<String> events = new ArrayList<>();

    private CoverageEvents(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** NDJSON, one CloudEvent a line, every event in the two hours before {@code now} unless said. */
    static String ndjson(Instant now) {
        CoverageEvents c = new CoverageEvents(now);
        c.inNeedAndMissing("child/BT0001", TEAM);
        c.newlyInCare("child/BT0002", TEAM);
        c.olderInCare("child/BT0003", TEAM);
        c.catalogueV11("child/BT0004", "child/BT0005", "child/BT0006", TEAM);
        return String.join("\n", c.events) + "\n";
    }

    /** Front door, assessment, protection and three missing episodes, all in time. */
    private void inNeedAndMissing(String child, String team) {
        add(child, "ChildRegistered", 120, "\"birthDate\": \"" + yearsAgo(13) + "\"");
        add(child, "ContactReceived", 118, "\"contactId\": \"BT-C1\"");
        add(child, "ContactDecided", 116, "\"contactId\": \"BT-C1\", \"outcome\": \"REFERRAL\"");
        add(child, "ReferralReceived", 114, "\"referralId\": \"BT-R1\"");
        add(child, "CaseAllocated", 112, "\"team\": \"" + team + "\", \"worker\": \"W-BT\"");
        add(child, "AssessmentStarted", 110, "\"assessmentId\": \"BT-A1\", \"referralId\": \"BT-R1\"");
        add(child, "AssessmentCompleted", 100, "\"assessmentId\": \"BT-A1\", \"outcome\": \"S47\", \"childSeen\": true");
        add(child, "StrategyDiscussionHeld", 95, "\"strategyId\": \"BT-S1\", \"reason\": \"S47\"");
        add(child, "InitialConferenceHeld", 90, "\"conferenceId\": \"BT-K1\", \"strategyId\": \"BT-S1\", \"outcome\": \"CP_PLAN\"");
        add(child, "CpPlanStarted", 89, "\"planId\": \"BT-P1\"");
        add(child, "MissingEpisodeStarted", 80, "\"episodeId\": \"BT-M1\"");
        add(child, "MissingEpisodeEnded", 75, "\"episodeId\": \"BT-M1\"");
        add(child, "ReturnInterviewCompleted", 70, "\"episodeId\": \"BT-M1\"");
        add(child, "MissingEpisodeStarted", 60, "\"episodeId\": \"BT-M2\"");
        add(child, "MissingEpisodeStarted", 50, "\"episodeId\": \"BT-M3\"");
        add(child, "StrategyDiscussionHeld", 45, "\"strategyId\": \"BT-S2\", \"reason\": \"MISSING\"");
        add(child, "MissingRiskAssessmentCompleted", 40, "");
    }

    /** Looked after from today, with the initial health assessment done. */
    private void newlyInCare(String child, String team) {
        add(child, "ChildRegistered", 120, "\"birthDate\": \"" + yearsAgo(9) + "\"");
        add(child, "BecameLookedAfter", 60, "\"episodeId\": \"BT-E2\"");
        add(child, "CaseAllocated", 59, "\"team\": \"" + team + "\", \"worker\": \"W-BT\"");
        add(child, "HealthAssessmentCompleted", 30, "\"kind\": \"INITIAL\"");
    }

    /** Seventeen and looked after for a hundred days: due a pathway plan, which is done. */
    private void olderInCare(String child, String team) {
        add(child, "ChildRegistered", 120, "\"birthDate\": \"" + yearsAgo(17) + "\"");
        addAt(child, "BecameLookedAfter", now.minus(Duration.ofDays(100)), "\"episodeId\": \"BT-E3\"");
        addAt(child, "CaseAllocated", now.minus(Duration.ofDays(100)), "\"team\": \"" + team + "\", \"worker\": \"W-BT\"");
        add(child, "PlanUpdated", 20, "\"plan\": \"PATHWAY\"");
    }

    /**
     * The v1.1 period codes: a core group after an ICPC (CP6), a two-year CP plan ended (CP15), early
     * help ended (EH8), an 18th birthday today in leaving care with a contact (CL2-CL4), and an
     * adoptive placement and match after a placement order (A1, A2).
     */
    private void catalogueV11(String leaver, String adopted, String protectedChild, String team) {
        add(protectedChild, "InitialConferenceHeld", 100, "\"conferenceId\": \"BT-K6\", \"outcome\": \"CP_PLAN\"");
        add(protectedChild, "CoreGroupHeld", 90, "");
        addAt(protectedChild, "CpPlanStarted", now.minus(Duration.ofDays(800)), "\"planId\": \"BT-P6\"");
        addAt(protectedChild, "CaseAllocated", now.minus(Duration.ofDays(800)), "\"team\": \"" + team + "\", \"worker\": \"W-BT\"");
        add(protectedChild, "CpPlanEnded", 80, "\"planId\": \"BT-P6\"");
        add(protectedChild, "EarlyHelpStarted", 70, "\"episodeId\": \"BT-H6\"");
        add(protectedChild, "EarlyHelpEnded", 60, "\"episodeId\": \"BT-H6\", \"reason\": \"STEP_UP\"");
        add(leaver, "ChildRegistered", 120, "\"birthDate\": \"" + LocalDate.ofInstant(now, ZoneOffset.UTC).minusYears(18) + "\"");
        add(leaver, "LeavingCareStarted", 110, "");
        add(leaver, "CaseAllocated", 109, "\"team\": \"" + team + "\", \"worker\": \"W-BT\"");
        add(leaver, "CareLeaverContactRecorded", 100, "\"inTouch\": true, \"eet\": true, \"suitableAccommodation\": true");
        addAt(adopted, "BecameLookedAfter", now.minus(Duration.ofDays(400)), "\"episodeId\": \"BT-E5\"");
        addAt(adopted, "CaseAllocated", now.minus(Duration.ofDays(400)), "\"team\": \"" + team + "\", \"worker\": \"W-BT\"");
        addAt(adopted, "PlacementOrderGranted", now.minus(Duration.ofDays(130)), "");
        add(adopted, "AdoptionMatched", 100, "");
        add(adopted, "PlacementStarted", 90, "\"placementId\": \"BT-PL5\", \"placementType\": \"ADOPTION\"");
    }

    private String yearsAgo(int years) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusYears(years).minusMonths(1).toString();
    }

    private void add(String subject, String type, int minutesAgo, String data) {
        addAt(subject, type, now.minus(Duration.ofMinutes(minutesAgo)), data);
    }

    private void addAt(String subject, String type, Instant time, String data) {
        events.add("{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"test/coverage\", "
                + "\"type\": \"" + type + "\", \"subject\": \"" + subject + "\", \"time\": \"" + time + "\", "
                + "\"data\": {" + data + "}}");
    }
}
