package org.caseclock.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every event type of the v1.1 contract (../shared/EVENTS.md) and the subjects it may be about.
 * The JSON Schemas enforce the same pairing; this enum exists so Java code can switch on types.
 */
public enum EventType {
    ChildRegistered(SubjectKind.CHILD),
    ContactReceived(SubjectKind.CHILD),
    ContactDecided(SubjectKind.CHILD),
    ReferralReceived(SubjectKind.CHILD),
    CaseAllocated(SubjectKind.CHILD, SubjectKind.CARER),
    CaseClosed(SubjectKind.CHILD),
    AssessmentStarted(SubjectKind.CHILD),
    AssessmentCompleted(SubjectKind.CHILD),
    StrategyDiscussionHeld(SubjectKind.CHILD),
    InitialConferenceHeld(SubjectKind.CHILD),
    CinPlanStarted(SubjectKind.CHILD),
    CinPlanEnded(SubjectKind.CHILD),
    CpPlanStarted(SubjectKind.CHILD),
    CpPlanEnded(SubjectKind.CHILD),
    BecameLookedAfter(SubjectKind.CHILD),
    CeasedLookedAfter(SubjectKind.CHILD),
    PlacementStarted(SubjectKind.CHILD),
    LeavingCareStarted(SubjectKind.CHILD),
    LeavingCareEnded(SubjectKind.CHILD),
    ReviewHeld(SubjectKind.CHILD),
    PlanUpdated(SubjectKind.CHILD),
    VisitRecorded(SubjectKind.CHILD),
    HealthAssessmentCompleted(SubjectKind.CHILD),
    DentalCheckCompleted(SubjectKind.CHILD),
    MissingEpisodeStarted(SubjectKind.CHILD),
    MissingEpisodeEnded(SubjectKind.CHILD),
    ReturnInterviewCompleted(SubjectKind.CHILD),
    MissingRiskAssessmentCompleted(SubjectKind.CHILD),
    SupervisionRecorded(SubjectKind.CHILD),
    EarlyHelpStarted(SubjectKind.CHILD),
    EarlyHelpEnded(SubjectKind.CHILD),
    CoreGroupHeld(SubjectKind.CHILD),
    ImmunisationsRecorded(SubjectKind.CHILD),
    CareLeaverContactRecorded(SubjectKind.CHILD),
    PlacementOrderGranted(SubjectKind.CHILD),
    AdoptionMatched(SubjectKind.CHILD),
    CarerApproved(SubjectKind.CARER),
    CarerDeregistered(SubjectKind.CARER),
    CarerReviewed(SubjectKind.CARER),
    CarerVisited(SubjectKind.CARER),
    EventRetracted(SubjectKind.CHILD, SubjectKind.CARER);

    private final Set<SubjectKind> subjects;

    EventType(SubjectKind first, SubjectKind... rest) {
        this.subjects = EnumSet.of(first, rest);
    }

    public boolean appliesTo(SubjectKind kind) {
        return subjects.contains(kind);
    }
}
