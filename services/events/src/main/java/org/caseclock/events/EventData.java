package org.caseclock.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.LocalDate;

/**
 * The {@code data} payload of each event type, one record per type, named as the type.
 * Field names and value sets are those of ../shared/EVENTS.md; the JSON Schemas under
 * {@code schemas/} decide what is valid before anything is bound to these records.
 */
@JsonSubTypes({
    @JsonSubTypes.Type(EventData.ChildRegistered.class),
    @JsonSubTypes.Type(EventData.ContactReceived.class),
    @JsonSubTypes.Type(EventData.ContactDecided.class),
    @JsonSubTypes.Type(EventData.ReferralReceived.class),
    @JsonSubTypes.Type(EventData.CaseAllocated.class),
    @JsonSubTypes.Type(EventData.CaseClosed.class),
    @JsonSubTypes.Type(EventData.AssessmentStarted.class),
    @JsonSubTypes.Type(EventData.AssessmentCompleted.class),
    @JsonSubTypes.Type(EventData.StrategyDiscussionHeld.class),
    @JsonSubTypes.Type(EventData.InitialConferenceHeld.class),
    @JsonSubTypes.Type(EventData.CinPlanStarted.class),
    @JsonSubTypes.Type(EventData.CinPlanEnded.class),
    @JsonSubTypes.Type(EventData.CpPlanStarted.class),
    @JsonSubTypes.Type(EventData.CpPlanEnded.class),
    @JsonSubTypes.Type(EventData.BecameLookedAfter.class),
    @JsonSubTypes.Type(EventData.CeasedLookedAfter.class),
    @JsonSubTypes.Type(EventData.PlacementStarted.class),
    @JsonSubTypes.Type(EventData.LeavingCareStarted.class),
    @JsonSubTypes.Type(EventData.LeavingCareEnded.class),
    @JsonSubTypes.Type(EventData.ReviewHeld.class),
    @JsonSubTypes.Type(EventData.PlanUpdated.class),
    @JsonSubTypes.Type(EventData.VisitRecorded.class),
    @JsonSubTypes.Type(EventData.HealthAssessmentCompleted.class),
    @JsonSubTypes.Type(EventData.DentalCheckCompleted.class),
    @JsonSubTypes.Type(EventData.MissingEpisodeStarted.class),
    @JsonSubTypes.Type(EventData.MissingEpisodeEnded.class),
    @JsonSubTypes.Type(EventData.ReturnInterviewCompleted.class),
    @JsonSubTypes.Type(EventData.MissingRiskAssessmentCompleted.class),
    @JsonSubTypes.Type(EventData.SupervisionRecorded.class),
    @JsonSubTypes.Type(EventData.EarlyHelpStarted.class),
    @JsonSubTypes.Type(EventData.EarlyHelpEnded.class),
    @JsonSubTypes.Type(EventData.CoreGroupHeld.class),
    @JsonSubTypes.Type(EventData.ImmunisationsRecorded.class),
    @JsonSubTypes.Type(EventData.CareLeaverContactRecorded.class),
    @JsonSubTypes.Type(EventData.PlacementOrderGranted.class),
    @JsonSubTypes.Type(EventData.AdoptionMatched.class),
    @JsonSubTypes.Type(EventData.CarerApproved.class),
    @JsonSubTypes.Type(EventData.CarerDeregistered.class),
    @JsonSubTypes.Type(EventData.CarerReviewed.class),
    @JsonSubTypes.Type(EventData.CarerVisited.class),
    @JsonSubTypes.Type(EventData.EventRetracted.class),
})
public sealed interface EventData {

    enum ContactOutcome { NFA, ADVICE, EARLY_HELP, REFERRAL }

    enum AssessmentOutcome { NFA, EARLY_HELP, CIN, S47, CP, CLA, OTHER }

    enum StrategyReason { S47, MISSING, EXPLOITATION, OTHER }

    enum ConferenceOutcome { CP_PLAN, CIN, NFA }

    enum ReviewOf { CIN_PLAN, CP_PLAN, CLA }

    enum PlanKind { CIN, CP, CARE, PATHWAY, PEP }

    enum HealthAssessmentKind { INITIAL, REVIEW }

    enum EarlyHelpEndReason { STEP_UP, OUTCOMES_MET, DISENGAGED, MOVED, OTHER }

    record ChildRegistered(LocalDate birthDate) implements EventData {}

    record ContactReceived(String contactId) implements EventData {}

    record ContactDecided(String contactId, ContactOutcome outcome) implements EventData {}

    record ReferralReceived(String referralId) implements EventData {}

    /** {@code worker} null means the case sits with the team but no worker. */
    record CaseAllocated(String team, String worker) implements EventData {}

    record CaseClosed(String reason) implements EventData {}

    record AssessmentStarted(String assessmentId, String referralId) implements EventData {}

    record AssessmentCompleted(String assessmentId, AssessmentOutcome outcome, Boolean childSeen)
            implements EventData {
        public boolean seen() {
            return Boolean.TRUE.equals(childSeen);
        }
    }

    record StrategyDiscussionHeld(String strategyId, StrategyReason reason) implements EventData {}

    record InitialConferenceHeld(String conferenceId, String strategyId, ConferenceOutcome outcome)
            implements EventData {}

    record CinPlanStarted(String planId) implements EventData {}

    record CinPlanEnded(String planId) implements EventData {}

    record CpPlanStarted(String planId, String category) implements EventData {}

    record CpPlanEnded(String planId, String category) implements EventData {}

    record BecameLookedAfter(String episodeId, String legalStatus) implements EventData {}

    record CeasedLookedAfter(String episodeId, String reason) implements EventData {}

    record PlacementStarted(String placementId, String carerId, String placementType) implements EventData {}

    record LeavingCareStarted() implements EventData {}

    record LeavingCareEnded() implements EventData {}

    record ReviewHeld(ReviewOf of) implements EventData {}

    record PlanUpdated(PlanKind plan) implements EventData {}

    /** A visit counts only if the child was seen; the contract's default is seen. */
    record VisitRecorded(String visitId, Boolean childSeen) implements EventData {
        public boolean seen() {
            return childSeen == null || childSeen;
        }
    }

    record HealthAssessmentCompleted(HealthAssessmentKind kind) implements EventData {}

    record DentalCheckCompleted() implements EventData {}

    record MissingEpisodeStarted(String episodeId) implements EventData {}

    record MissingEpisodeEnded(String episodeId) implements EventData {}

    record ReturnInterviewCompleted(String episodeId) implements EventData {}

    record MissingRiskAssessmentCompleted() implements EventData {}

    record SupervisionRecorded() implements EventData {}

    record EarlyHelpStarted(String episodeId) implements EventData {}

    record EarlyHelpEnded(String episodeId, EarlyHelpEndReason reason) implements EventData {}

    record CoreGroupHeld() implements EventData {}

    record ImmunisationsRecorded(boolean upToDate) implements EventData {}

    /** {@code eet} and {@code suitableAccommodation} default to false, as the contract says. */
    record CareLeaverContactRecorded(boolean inTouch, Boolean eet, Boolean suitableAccommodation) implements EventData {
        public boolean inEet() {
            return Boolean.TRUE.equals(eet);
        }

        public boolean suitablyAccommodated() {
            return Boolean.TRUE.equals(suitableAccommodation);
        }
    }

    record PlacementOrderGranted() implements EventData {}

    record AdoptionMatched() implements EventData {}

    record CarerApproved() implements EventData {}

    record CarerDeregistered() implements EventData {}

    record CarerReviewed() implements EventData {}

    record CarerVisited() implements EventData {}

    record EventRetracted(String retractedId) implements EventData {}
}
