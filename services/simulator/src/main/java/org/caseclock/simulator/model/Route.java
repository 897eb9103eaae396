package org.caseclock.simulator.model;

import java.time.LocalDate;
import org.caseclock.events.EventData.AssessmentOutcome;

/**
 * A path fixed in advance, for the cases already open when the history starts: the referral
 * goes to assessment with this outcome (any outcome if null), a child protection inquiry goes to
 * conference and a plan, a child in care at 18 becomes a care leaver, and the episode it leads
 * to lasts at least until {@code holdUntil}, so that the case is open when the history starts.
 */
public record Route(AssessmentOutcome assessmentOutcome, LocalDate holdUntil) {}
