package org.caseclock.feeds.ssd;

import static org.caseclock.events.EventData.ReviewOf;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseclock.events.EventData;
import org.caseclock.events.Subject;
import org.caseclock.feeds.delivery.Produced;
import org.caseclock.feeds.delivery.RowProblem;
import org.caseclock.feeds.reading.CareLeaverCodes;
import org.caseclock.feeds.reading.Fields;

/**
 * The SSD tables the feed reads (data-to-insight/ssd-data-model, data/objects/*.yml), each with its
 * row key, the columns it cannot do without, and the events one row stands for. docs/feeds.md says
 * the same table by table. A file is {@code <table>.csv}, e.g. {@code ssd_cin_plans.csv}.
 */
public enum SsdTable {

    PERSON("ssd_person", "pers_person_id", "pers_dob") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            LocalDate birth = row.optionalDate("pers_dob");
            if (birth == null) {
                // An unborn child (pers_expected_dob) has no events yet; a blank date otherwise is a gap.
                if (row.text("pers_expected_dob") != null) {
                    return List.of();
                }
                throw new RowProblem("pers_dob is blank");
            }
            // Dated at birth: the birth date is known for every later date an age rule looks at.
            return List.of(event(row, "pers_person_id", Fields.atNoon(birth),
                    new EventData.ChildRegistered(birth)));
        }
    },
    INVOLVEMENTS("ssd_involvements", "invo_involvements_id",
            "invo_person_id", "invo_professional_id", "invo_professional_team", "invo_involvement_start_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            return List.of(event(row, "invo_person_id", row.when("invo_involvement_start_date"),
                    new EventData.CaseAllocated(row.requiredText("invo_professional_team"), row.optionalId("invo_professional_id"))));
        }
    },
    CONTACTS("ssd_contacts", "cont_contact_id", "cont_person_id", "cont_contact_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            return List.of(event(row, "cont_person_id", row.when("cont_contact_date"),
                    new EventData.ContactReceived(row.id("cont_contact_id"))));
        }
    },
    CIN_EPISODES("ssd_cin_episodes", "cine_referral_id", "cine_person_id", "cine_referral_date", "cine_close_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            return startAndEnd(row, "cine_person_id", "cine_referral_date", new EventData.ReferralReceived(row.id("cine_referral_id")),
                    "cine_close_date", new EventData.CaseClosed(row.text("cine_close_reason")));
        }
    },
    CIN_ASSESSMENTS("ssd_cin_assessments", "cina_assessment_id",
            "cina_person_id", "cina_assessment_start_date", "cina_assessment_auth_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            String id = row.id("cina_assessment_id");
            List<Produced> events = new ArrayList<>();
            events.add(event(row, "cina_person_id", row.when("cina_assessment_start_date"),
                    new EventData.AssessmentStarted(id, row.optionalId("cina_referral_id"))));
            OffsetDateTime authorised = row.optionalWhen("cina_assessment_auth_date");
            if (authorised != null) {
                // cina_assessment_outcome_json is the authority's own codes; only "no further action" is standard.
                boolean nfa = Boolean.TRUE.equals(row.flag("cina_assessment_outcome_nfa"));
                events.add(event(row, "cina_person_id", authorised, new EventData.AssessmentCompleted(id,
                        nfa ? EventData.AssessmentOutcome.NFA : EventData.AssessmentOutcome.OTHER,
                        Boolean.TRUE.equals(row.flag("cina_assessment_child_seen")))));
            }
            return events;
        }
    },
    S47_ENQUIRY("ssd_s47_enquiry", "s47e_s47_enquiry_id", "s47e_person_id", "s47e_s47_start_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            // An S47 enquiry starts at the strategy discussion that decided on it; the SSD has no other record of it.
            return List.of(event(row, "s47e_person_id", row.when("s47e_s47_start_date"),
                    new EventData.StrategyDiscussionHeld(row.id("s47e_s47_enquiry_id"), EventData.StrategyReason.S47)));
        }
    },
    INITIAL_CP_CONFERENCE("ssd_initial_cp_conference", "icpc_icpc_id", "icpc_person_id", "icpc_icpc_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            OffsetDateTime held = row.optionalWhen("icpc_icpc_date");
            if (held == null) {
                return List.of(); // booked, not held yet (icpc_icpc_target_date)
            }
            // The SSD flags a plan or not; "not" (CIN or NFA in the contract) is NFA here: no indicator tells them apart.
            boolean plan = Boolean.TRUE.equals(row.flag("icpc_icpc_outcome_cp_flag"));
            return List.of(event(row, "icpc_person_id", held, new EventData.InitialConferenceHeld(row.id("icpc_icpc_id"),
                    row.optionalId("icpc_s47_enquiry_id"),
                    plan ? EventData.ConferenceOutcome.CP_PLAN : EventData.ConferenceOutcome.NFA)));
        }
    },
    CIN_PLANS("ssd_cin_plans", "cinp_cin_plan_id", "cinp_person_id", "cinp_cin_plan_start_date", "cinp_cin_plan_end_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            String id = row.id("cinp_cin_plan_id");
            return startAndEnd(row, "cinp_person_id", "cinp_cin_plan_start_date", new EventData.CinPlanStarted(id),
                    "cinp_cin_plan_end_date", new EventData.CinPlanEnded(id));
        }
    },
    CIN_VISITS("ssd_cin_visits", "cinv_cin_visit_id", "cinv_person_id", "cinv_cin_visit_date", "cinv_cin_visit_seen") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            return visit(row, "cinv_person_id", "cinv_cin_visit_id", "cinv_cin_visit_date", "cinv_cin_visit_seen");
        }
    },
    CP_PLANS("ssd_cp_plans", "cppl_cp_plan_id", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            String id = row.id("cppl_cp_plan_id");
            return startAndEnd(row, "cppl_person_id",
                    "cppl_cp_plan_start_date", new EventData.CpPlanStarted(id, row.text("cppl_cp_plan_initial_category")),
                    "cppl_cp_plan_end_date", new EventData.CpPlanEnded(id, row.text("cppl_cp_plan_latest_category")));
        }
    },
    CP_VISITS("ssd_cp_visits", "cppv_cp_visit_id", "cppv_person_id", "cppv_cp_visit_date", "cppv_cp_visit_seen") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            return visit(row, "cppv_person_id", "cppv_cp_visit_id", "cppv_cp_visit_date", "cppv_cp_visit_seen");
        }
    },
    CP_REVIEWS("ssd_cp_reviews", "cppr_cp_review_id", "cppr_person_id", "cppr_cp_review_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            OffsetDateTime held = row.optionalWhen("cppr_cp_review_date");
            if (held == null) {
                return List.of(); // due (cppr_cp_review_due), not held yet
            }
            return List.of(event(row, "cppr_person_id", held, new EventData.ReviewHeld(ReviewOf.CP_PLAN)));
        }
    },
    CLA_EPISODES("ssd_cla_episodes", "clae_cla_episode_id",
            "clae_person_id", "clae_cla_id", "clae_cla_episode_start_date", "clae_cla_episode_ceased_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            // The contract's period of care is the SSD's clae_cla_id; an SSD episode is a stretch of it with one
            // legal status and placement. Every episode says the period started: a repeat start of an open
            // period is ignored (INDICATORS.md), and only an episode ending the period ends it.
            String period = row.id("clae_cla_id");
            List<Produced> events = new ArrayList<>();
            events.add(event(row, "clae_person_id", row.when("clae_cla_episode_start_date"),
                    new EventData.BecameLookedAfter(period, null)));
            OffsetDateTime ceased = row.optionalWhen("clae_cla_episode_ceased_date");
            String reason = row.text("clae_cla_episode_ceased_reason");
            if (ceased != null && !NEW_EPISODE_FOLLOWS.equals(reason)) {
                events.add(event(row, "clae_person_id", ceased, new EventData.CeasedLookedAfter(period, reason)));
            }
            return events;
        }
    },
    CLA_PLACEMENT("ssd_cla_placement", "clap_cla_placement_id", "clap_person_id", "clap_cla_placement_start_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            String type = row.text("clap_cla_placement_type");
            String placementType = type != null && ADOPTION_PLACEMENTS.contains(type.toUpperCase(Locale.ROOT)) ? "ADOPTION" : type;
            // clap_cla_placement_provider is a provider, not the contract's carer household id.
            return List.of(event(row, "clap_person_id", row.when("clap_cla_placement_start_date"),
                    new EventData.PlacementStarted(row.id("clap_cla_placement_id"), null, placementType)));
        }
    },
    CLA_VISITS("ssd_cla_visits", "clav_cla_visit_id", "clav_person_id", "clav_cla_visit_date", "clav_cla_visit_seen") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            return visit(row, "clav_person_id", "clav_cla_visit_id", "clav_cla_visit_date", "clav_cla_visit_seen");
        }
    },
    CLA_REVIEWS("ssd_cla_reviews", "clar_cla_review_id", "clar_cla_id", "clar_cla_review_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            OffsetDateTime held = row.optionalWhen("clar_cla_review_date");
            if (held == null || Boolean.TRUE.equals(row.flag("clar_cla_review_cancelled"))) {
                return List.of();
            }
            String child = lookups.periodChild().get(row.id("clar_cla_id"));
            if (child == null) {
                throw new RowProblem("clar_cla_id is no period of care (clae_cla_id) in ssd_cla_episodes");
            }
            return List.of(new Produced(Subject.child(child), held, new EventData.ReviewHeld(ReviewOf.CLA)));
        }
    },
    CLA_HEALTH("ssd_cla_health", "clah_health_check_id", "clah_person_id", "clah_health_check_type", "clah_health_check_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            OffsetDateTime done = row.optionalWhen("clah_health_check_date");
            if (done == null) {
                return List.of();
            }
            String type = row.requiredText("clah_health_check_type").toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_");
            EventData data = switch (type) {
                case "INITIAL_HEALTH_ASSESSMENT" -> new EventData.HealthAssessmentCompleted(EventData.HealthAssessmentKind.INITIAL);
                case "HEALTH_ASSESSMENT", "REVIEW_HEALTH_ASSESSMENT" ->
                        new EventData.HealthAssessmentCompleted(EventData.HealthAssessmentKind.REVIEW);
                case "DENTAL_CHECK" -> new EventData.DentalCheckCompleted();
                default -> throw new RowProblem("clah_health_check_type is not a code the feed knows"
                        + " (Initial Health Assessment, Health Assessment, Review Health Assessment, Dental Check)");
            };
            return List.of(event(row, "clah_person_id", done, data));
        }
    },
    CLA_CARE_PLAN("ssd_cla_care_plan", "lacp_table_id", "lacp_person_id", "lacp_cla_care_plan_start_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            return List.of(event(row, "lacp_person_id", row.when("lacp_cla_care_plan_start_date"),
                    new EventData.PlanUpdated(EventData.PlanKind.CARE)));
        }
    },
    MISSING("ssd_missing", "miss_table_id", "miss_person_id", "miss_missing_episode_start_date", "miss_missing_episode_end_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            String type = row.text("miss_missing_episode_type");
            if (type != null && type.equalsIgnoreCase("Absent")) {
                return List.of(); // absent is not missing: no indicator counts it
            }
            if (type != null && !type.equalsIgnoreCase("Missing")) {
                throw new RowProblem("miss_missing_episode_type is neither Missing nor Absent");
            }
            String id = row.id("miss_table_id");
            // miss_missing_rhi_offered / _accepted say whether, never when: no ReturnInterviewCompleted can be dated.
            return startAndEnd(row, "miss_person_id", "miss_missing_episode_start_date", new EventData.MissingEpisodeStarted(id),
                    "miss_missing_episode_end_date", new EventData.MissingEpisodeEnded(id));
        }
    },
    CARE_LEAVERS("ssd_care_leavers", "clea_table_id", "clea_person_id", "clea_pathway_plan_review_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            String child = row.id("clea_person_id");
            LocalDate birth = lookups.birthDates().get(child);
            if (birth == null) {
                throw new RowProblem("no pers_dob in ssd_person for clea_person_id: leaving care is dated from the 18th birthday");
            }
            List<Produced> events = new ArrayList<>();
            LocalDate eighteen = birth.plusYears(18);
            // The SSD has no start date for leaving care; a care leaver is one from 18 (a relevant child of 16-17 is still looked after).
            if (!eighteen.isAfter(lookups.extractDate())) {
                events.add(new Produced(Subject.child(child), Fields.atNoon(eighteen),
                        new EventData.LeavingCareStarted()));
            }
            OffsetDateTime reviewed = row.optionalWhen("clea_pathway_plan_review_date");
            if (reviewed != null) {
                events.add(new Produced(Subject.child(child), reviewed, new EventData.PlanUpdated(EventData.PlanKind.PATHWAY)));
            }
            // The latest contact, blank when the authority is not in touch: the care leaver's situation then.
            OffsetDateTime contacted = row.optionalWhen("clea_care_leaver_latest_contact");
            if (contacted != null) {
                events.add(new Produced(Subject.child(child), contacted, contact(row)));
            }
            return events;
        }

        private EventData.CareLeaverContactRecorded contact(Row row) throws RowProblem {
            String inTouch = row.requiredText("clea_care_leaver_in_touch").toUpperCase(Locale.ROOT);
            if (!CareLeaverCodes.IN_TOUCH.contains(inTouch)) {
                throw new RowProblem("clea_care_leaver_in_touch is not one of " + String.join(", ", CareLeaverCodes.IN_TOUCH));
            }
            String activity = row.text("clea_care_leaver_activity");
            activity = activity == null ? null : activity.toUpperCase(Locale.ROOT);
            if (activity != null && !CareLeaverCodes.EET.contains(activity) && !CareLeaverCodes.NEET.contains(activity)) {
                throw new RowProblem("clea_care_leaver_activity is not an SSDA903 activity code (F1 to F5, P1 to P5, G4 to G6)");
            }
            String suitable = row.text("clea_care_leaver_accom_suitable");
            if (suitable != null && !suitable.equals("1") && !suitable.equals("2")) {
                throw new RowProblem("clea_care_leaver_accom_suitable is neither 1 (suitable) nor 2 (unsuitable)");
            }
            return new EventData.CareLeaverContactRecorded(inTouch.equals("YES"), activity != null && CareLeaverCodes.EET.contains(activity),
                    "1".equals(suitable));
        }
    },
    EARLY_HELP_EPISODES("ssd_early_help_episodes", "earl_episode_id", "earl_person_id", "earl_episode_start_date",
            "earl_episode_end_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            String id = row.id("earl_episode_id");
            return startAndEnd(row, "earl_person_id", "earl_episode_start_date", new EventData.EarlyHelpStarted(id),
                    "earl_episode_end_date", new EventData.EarlyHelpEnded(id, endReason(row.text("earl_episode_end_reason"))));
        }
    },
    CLA_IMMUNISATIONS("ssd_cla_immunisations", "clai_person_id", "clai_immunisations_status", "clai_immunisations_status_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            OffsetDateTime checked = row.optionalWhen("clai_immunisations_status_date");
            if (checked == null) {
                return List.of(); // a status with no date cannot be placed in time
            }
            Boolean upToDate = row.flag("clai_immunisations_status");
            if (upToDate == null) {
                throw new RowProblem("clai_immunisations_status is blank");
            }
            return List.of(event(row, "clai_person_id", checked, new EventData.ImmunisationsRecorded(upToDate)));
        }
    },
    PERMANENCE("ssd_permanence", "perm_table_id", "perm_person_id", "perm_placement_order_date", "perm_matched_date") {
        @Override
        List<Produced> map(Row row, Lookups lookups) throws RowProblem {
            // perm_placed_for_adoption_date is ssd_cla_placement's A3-A6 placement, sent from there.
            List<Produced> events = new ArrayList<>();
            OffsetDateTime order = row.optionalWhen("perm_placement_order_date");
            if (order != null) {
                events.add(event(row, "perm_person_id", order, new EventData.PlacementOrderGranted()));
            }
            OffsetDateTime matched = row.optionalWhen("perm_matched_date");
            if (matched != null) {
                events.add(event(row, "perm_person_id", matched, new EventData.AdoptionMatched()));
            }
            return events;
        }
    };

    /**
     * earl_episode_end_reason is the authority's own words ("Outcomes met/ Step-up/ NFA", the model says): read by
     * the words the contract's reasons are known by, else OTHER (a blank reason too).
     */
    public static EventData.EarlyHelpEndReason endReason(String reason) {
        String words = reason == null ? "" : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (words.contains("stepup") || words.contains("steppedup") || words.contains("stepsup")) { // not "step down to support"
            return EventData.EarlyHelpEndReason.STEP_UP;
        }
        if (words.contains("outcome")) {
            return EventData.EarlyHelpEndReason.OUTCOMES_MET;
        }
        if (words.contains("disengag")) {
            return EventData.EarlyHelpEndReason.DISENGAGED;
        }
        if ((words.contains("moved") && !words.contains("removed")) || words.contains("outofarea")) {
            return EventData.EarlyHelpEndReason.MOVED;
        }
        return EventData.EarlyHelpEndReason.OTHER;
    }

    /** SSDA903 reason X1: the episode ends and a new one of the same period of care begins. */
    static final String NEW_EPISODE_FOLLOWS = "X1";
    /** SSDA903 placement types A3-A6: placed for adoption (EVENTS.md v1.1: placementType ADOPTION). */
    static final Set<String> ADOPTION_PLACEMENTS = Set.of("A3", "A4", "A5", "A6");

    private final String table;
    private final String keyColumn;
    private final List<String> requiredColumns;

    SsdTable(String table, String keyColumn, String... otherColumns) {
        this.table = table;
        this.keyColumn = keyColumn;
        List<String> columns = new ArrayList<>(List.of(keyColumn));
        columns.addAll(List.of(otherColumns));
        this.requiredColumns = List.copyOf(columns);
    }

    /** The events one row stands for, in the order they happened; none for a row that records nothing yet. */
    abstract List<Produced> map(Row row, Lookups lookups) throws RowProblem;

    /** The row's key, read as every id is: trimmed, upper-cased, checked. */
    public String key(Row row) throws RowProblem {
        return row.id(keyColumn);
    }

    public final List<Produced> events(Row row, Lookups lookups) throws RowProblem {
        return map(row, lookups);
    }

    public String table() {
        return table;
    }

    public String fileName() {
        return table + ".csv";
    }

    public String keyColumn() {
        return keyColumn;
    }

    /** Columns without which no row of the file can be read (a value may still be blank where optional). */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    private static Produced event(Row row, String childColumn, OffsetDateTime time, EventData data) throws RowProblem {
        return new Produced(Subject.child(row.id(childColumn)), time, data);
    }

    /** A start, and its end when the row has an end date. */
    private static List<Produced> startAndEnd(Row row, String child, String startColumn, EventData started,
            String endColumn, EventData ended) throws RowProblem {
        List<Produced> events = new ArrayList<>();
        events.add(event(row, child, row.when(startColumn), started));
        OffsetDateTime end = row.optionalWhen(endColumn);
        if (end != null) {
            events.add(event(row, child, end, ended));
        }
        return events;
    }

    private static List<Produced> visit(Row row, String child, String id, String date, String seen) throws RowProblem {
        // A blank "seen" is not known to be seen, and only a visit seeing the child counts: sent as not seen.
        return List.of(event(row, child, row.when(date),
                new EventData.VisitRecorded(row.id(id), Boolean.TRUE.equals(row.flag(seen)))));
    }
}
