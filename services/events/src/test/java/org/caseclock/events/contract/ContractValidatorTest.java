package org.caseclock.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.caseclock.events.EventData;
import org.caseclock.events.EventJson;
import org.caseclock.events.EventType;
import org.caseclock.events.contract.ContractValidator.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractValidatorTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-16T09:00:00Z");
    private static final ContractValidator VALIDATOR = new ContractValidator();

    private static Verdict.Rejected rejected(ObjectNode event) {
        Verdict verdict = VALIDATOR.validate(event, RECEIVED);
        assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
        return (Verdict.Rejected) verdict;
    }

    private static Verdict.Accepted accepted(ObjectNode event) {
        Verdict verdict = VALIDATOR.validate(event, RECEIVED);
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        return (Verdict.Accepted) verdict;
    }

    @Nested
    class Accepting {

        @Test
        void a_valid_event_is_bound_to_its_types_record() {
            Verdict.Accepted verdict = accepted(Events.visit());

            assertThat(verdict.event().data()).isEqualTo(new EventData.VisitRecorded("V99812", true));
            assertThat(verdict.event().subject()).hasToString("child/C104233");
        }

        /** EVENTS.md v1.1: as in CloudEvents 1.0, data is optional where the type requires no field. */
        @ParameterizedTest
        @MethodSource("org.caseclock.events.contract.ContractValidatorTest#typesWithNoRequiredField")
        void a_type_with_no_required_field_is_accepted_without_data_and_read_as_empty(EventType type) {
            // Given an event of such a type with no data member, and one with data null
            ObjectNode without = Events.event(type.name(), Events.subjectFor(type), EventJson.mapper().createObjectNode());
            without.remove("data");
            ObjectNode withNull = without.deepCopy().putNull("data");

            // When each is validated / Then it is accepted, its data bound as if {} had been sent
            EventData asEmpty = accepted(Events.event(type.name(), Events.subjectFor(type),
                    EventJson.mapper().createObjectNode())).event().data();
            assertThat(accepted(without).event().data()).isNotNull().isEqualTo(asEmpty);
            assertThat(accepted(withNull).event().data()).isEqualTo(asEmpty);
        }

        @Test
        void the_types_without_a_required_field_are_those_events_md_lists_with_none() {
            assertThat(typesWithNoRequiredField()).containsExactlyInAnyOrder(
                    EventType.CaseClosed, EventType.LeavingCareStarted, EventType.LeavingCareEnded,
                    EventType.DentalCheckCompleted, EventType.MissingRiskAssessmentCompleted,
                    EventType.SupervisionRecorded, EventType.CoreGroupHeld, EventType.PlacementOrderGranted,
                    EventType.AdoptionMatched, EventType.CarerApproved, EventType.CarerDeregistered,
                    EventType.CarerReviewed, EventType.CarerVisited);
        }

        @Test
        void recordedat_left_out_by_the_sender_is_the_receipt_time_in_utc() {
            Verdict.Accepted verdict = accepted(Events.visit());

            assertThat(verdict.event().recordedat()).isEqualTo(OffsetDateTime.of(2026, 1, 16, 9, 0, 0, 0, ZoneOffset.UTC));
        }

        @Test
        void recordedat_sent_by_the_sender_is_kept_with_its_offset() {
            ObjectNode event = Events.visit().put("recordedat", "2026-01-16T10:02:11+01:00");

            assertThat(accepted(event).event().recordedat()).hasToString("2026-01-16T10:02:11+01:00");
        }

        @Test
        void unknown_fields_in_the_envelope_and_in_data_are_ignored() {
            ObjectNode event = Events.visit().put("lcsextension", "x");
            ((ObjectNode) event.get("data")).put("notInTheContract", 42);

            accepted(event);
        }

        @Test
        void optional_fields_may_be_null() {
            ObjectNode event = Events.visit();
            ((ObjectNode) event.get("data")).putNull("childSeen");

            assertThat(((EventData.VisitRecorded) accepted(event).event().data()).seen()).isTrue();
        }

        @Test
        void time_exactly_24_hours_after_receipt_is_accepted() {
            accepted(Events.visit().put("time", "2026-01-17T09:00:00Z"));
        }

        @Test
        void case_allocated_and_event_retracted_are_accepted_about_a_child_and_about_a_carer() {
            ObjectNode allocation = EventJson.mapper().createObjectNode().put("team", "T1").putNull("worker");
            ObjectNode retraction = EventJson.mapper().createObjectNode().put("retractedId", "e1");
            for (String subject : new String[] {"child/C1", "carer/F1"}) {
                accepted(Events.event("CaseAllocated", subject, allocation));
                accepted(Events.event("EventRetracted", subject, retraction));
            }
        }

        @Test
        void the_validator_gives_the_same_answers_from_many_threads_at_once() {
            ConcurrentLinkedQueue<Verdict> verdicts = new ConcurrentLinkedQueue<>();
            IntStream.range(0, 2_000).parallel().forEach(i -> verdicts.add(VALIDATOR.validate(
                    i % 2 == 0 ? Events.visit() : Events.visit().put("specversion", "2.0"), RECEIVED)));

            assertThat(verdicts).filteredOn(v -> v instanceof Verdict.Accepted).hasSize(1_000);
            assertThat(verdicts).filteredOn(v -> v instanceof Verdict.Rejected r
                    && r.error().equals("specversion must be \"1.0\"")).hasSize(1_000);
        }
    }

    @Nested
    class RejectingTheEnvelope {

        @Test
        void specversion_other_than_1_0_is_not_a_cloudevent() {
            Verdict.Rejected r = rejected(Events.visit().put("specversion", "2.0"));

            assertThat(r.error()).isEqualTo("specversion must be \"1.0\"");
            assertThat(r.reason()).isEqualTo(RejectionReason.NOT_CLOUDEVENT);
            assertThat(r.id()).isEqualTo("evt-VisitRecorded");
        }

        @Test
        void an_unknown_type_is_named_in_the_message() {
            Verdict.Rejected r = rejected(Events.visit().put("type", "Foo"));

            assertThat(r.error()).isEqualTo("type is not a known event type: Foo");
            assertThat(r.reason()).isEqualTo(RejectionReason.UNKNOWN_TYPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"C104233", "person/C1", "child/", "child/C 1", "child/C1/x", " child/C1",
            "child/12345678901234567890123456789012345678901234567890123456789012345"})
        void a_subject_that_is_not_child_or_carer_and_a_1_to_64_character_id_is_rejected(String subject) {
            Verdict.Rejected r = rejected(Events.visit().put("subject", subject));

            assertThat(r.error()).isEqualTo("subject must match child/{id} or carer/{id}");
            assertThat(r.reason()).isEqualTo(RejectionReason.BAD_SUBJECT);
        }

        @Test
        void a_subject_with_a_trailing_newline_is_rejected_although_the_pattern_lets_it_through() {
            Verdict.Rejected r = rejected(Events.visit().put("subject", "child/C1\n"));

            assertThat(r.error()).isEqualTo("subject cannot be read: subject id must be 1..64 characters of [A-Za-z0-9_-]");
        }

        @Test
        void a_carer_type_about_a_child_is_rejected() {
            ObjectNode event = Events.event("CarerVisited", "child/C1", EventJson.mapper().createObjectNode());

            Verdict.Rejected r = rejected(event);

            assertThat(r.error()).isEqualTo("subject must match child/{id} or carer/{id} (a carer type cannot be about a child)");
            assertThat(r.reason()).isEqualTo(RejectionReason.BAD_SUBJECT);
        }

        @Test
        void a_child_type_about_a_carer_is_rejected() {
            Verdict.Rejected r = rejected(Events.visit().put("subject", "carer/F1"));

            assertThat(r.error()).isEqualTo("subject must match child/{id} or carer/{id} (a child type cannot be about a carer)");
        }

        @Test
        void a_malformed_subject_is_reported_once_even_when_it_also_breaks_the_type_pairing() {
            Verdict.Rejected r = rejected(Events.visit().put("subject", "carer/F 1"));

            assertThat(r.error()).isEqualTo("subject must match child/{id} or carer/{id}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-15T10:30:00", "2026-01-15", "2026-02-30T10:30:00Z", "15/01/2026 10:30", "2026-01-15T25:00:00Z"})
        void time_must_be_an_rfc_3339_date_time_with_offset(String time) {
            Verdict.Rejected r = rejected(Events.visit().put("time", time));

            assertThat(r.error()).isEqualTo("time must be an RFC 3339 date-time with offset");
            assertThat(r.reason()).isEqualTo(RejectionReason.BAD_DATE);
        }

        @Test
        void recordedat_without_offset_is_rejected() {
            Verdict.Rejected r = rejected(Events.visit().put("recordedat", "2026-01-16T09:02:11"));

            assertThat(r.error()).isEqualTo("recordedat must be an RFC 3339 date-time with offset");
        }

        @Test
        void time_more_than_24_hours_after_receipt_is_rejected() {
            Verdict.Rejected r = rejected(Events.visit().put("time", "2026-01-17T09:00:01Z"));

            assertThat(r.error()).isEqualTo("time is more than 24 hours in the future");
            assertThat(r.reason()).isEqualTo(RejectionReason.FUTURE_TIME);
        }

        @Test
        void time_in_the_future_is_measured_as_an_instant_whatever_its_offset() {
            // 2026-01-17T10:30+02:00 is 08:30Z, within 24 hours of 09:00Z the day before.
            accepted(Events.visit().put("time", "2026-01-17T10:30:00+02:00"));
            rejected(Events.visit().put("time", "2026-01-17T08:30:00-02:00"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"id", "source", "type", "subject", "time"})
        void a_missing_envelope_attribute_is_named(String attribute) {
            ObjectNode event = Events.visit();
            event.remove(attribute);

            Verdict.Rejected r = rejected(event);

            assertThat(r.error()).isEqualTo(attribute + " is required");
            assertThat(r.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        }

        @Test
        void a_type_with_a_required_field_sent_without_data_is_rejected_naming_that_field() {
            // Given a VisitRecorded (visitId required) with no data member at all
            ObjectNode event = Events.visit();
            event.remove("data");

            // When it is validated / Then the message names the missing field, not just "data"
            Verdict.Rejected r = rejected(event);
            assertThat(r.error()).isEqualTo("data.visitId is required");
            assertThat(r.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        }

        @Test
        void a_missing_specversion_is_not_a_cloudevent() {
            ObjectNode event = Events.visit();
            event.remove("specversion");

            Verdict.Rejected r = rejected(event);

            assertThat(r.error()).isEqualTo("specversion is required");
            assertThat(r.reason()).isEqualTo(RejectionReason.NOT_CLOUDEVENT);
        }

        @Test
        void an_empty_id_is_rejected() {
            Verdict.Rejected r = rejected(Events.visit().put("id", ""));

            assertThat(r.error()).isEqualTo("id must not be empty");
        }

        @Test
        void a_json_value_that_is_not_an_object_is_not_a_cloudevent() {
            Verdict verdict = VALIDATOR.validate("[1, 2]".getBytes(StandardCharsets.UTF_8), RECEIVED);

            assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
                assertThat(r.error()).isEqualTo("event must be an object");
                assertThat(r.reason()).isEqualTo(RejectionReason.NOT_CLOUDEVENT);
                assertThat(r.id()).isNull();
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"specversion\": \"1.0\",", "not json", "{} {}", ""})
        void bytes_that_are_not_one_json_value_are_rejected_as_not_json(String text) {
            Verdict verdict = VALIDATOR.validate(text.getBytes(StandardCharsets.UTF_8), RECEIVED);

            assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
                assertThat(r.error()).startsWith("not valid JSON: ");
                assertThat(r.reason()).isEqualTo(RejectionReason.NOT_JSON);
            });
        }

        @Test
        void envelope_errors_are_reported_before_data_is_looked_at() {
            ObjectNode event = Events.visit().put("specversion", "2.0");
            ((ObjectNode) event.get("data")).remove("visitId");

            assertThat(rejected(event).error()).isEqualTo("specversion must be \"1.0\"");
        }

        @Test
        void every_failing_field_is_named_once_in_one_message() {
            ObjectNode event = Events.visit().put("specversion", "2.0").put("subject", "nobody");
            event.remove("time");

            assertThat(rejected(event).error().split("; ")).containsExactlyInAnyOrder(
                    "specversion must be \"1.0\"",
                    "subject must match child/{id} or carer/{id}",
                    "time is required");
        }
    }

    @Nested
    class RejectingData {

        @Test
        void a_missing_required_field_is_named_in_dotted_form() {
            ObjectNode event = Events.visit();
            ((ObjectNode) event.get("data")).remove("visitId");

            Verdict.Rejected r = rejected(event);

            assertThat(r.error()).isEqualTo("data.visitId is required");
            assertThat(r.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
            assertThat(r.id()).isEqualTo("evt-VisitRecorded");
        }

        @Test
        void a_value_outside_a_listed_set_names_the_field_and_the_set() {
            ObjectNode data = EventJson.mapper().createObjectNode().put("contactId", "K1").put("outcome", "MAYBE");

            Verdict.Rejected r = rejected(Events.event("ContactDecided", "child/C1", data));

            assertThat(r.error()).isEqualTo("data.outcome must be one of [NFA, ADVICE, EARLY_HELP, REFERRAL]");
            assertThat(r.reason()).isEqualTo(RejectionReason.BAD_ENUM);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-02-30", "2012-13-01", "04/03/2012", "2012-03-04T00:00:00Z"})
        void a_birth_date_that_is_not_a_real_calendar_date_is_rejected(String birthDate) {
            ObjectNode data = EventJson.mapper().createObjectNode().put("birthDate", birthDate);

            Verdict.Rejected r = rejected(Events.event("ChildRegistered", "child/C1", data));

            assertThat(r.error()).isEqualTo("data.birthDate must be a date YYYY-MM-DD");
            assertThat(r.reason()).isEqualTo(RejectionReason.BAD_DATE);
        }

        @Test
        void a_boolean_sent_as_text_is_rejected() {
            ObjectNode event = Events.visit();
            ((ObjectNode) event.get("data")).put("childSeen", "yes");

            Verdict.Rejected r = rejected(event);

            assertThat(r.error()).isEqualTo("data.childSeen must be a boolean or null");
            assertThat(r.reason()).isEqualTo(RejectionReason.BAD_VALUE);
        }

        @Test
        void an_empty_id_in_data_is_rejected() {
            ObjectNode event = Events.visit();
            ((ObjectNode) event.get("data")).put("visitId", "");

            assertThat(rejected(event).error()).isEqualTo("data.visitId must not be empty");
        }

        @Test
        void a_required_id_sent_as_a_number_is_rejected() {
            ObjectNode event = Events.visit();
            ((ObjectNode) event.get("data")).put("visitId", 99812);

            assertThat(rejected(event).error()).isEqualTo("data.visitId must be a string");
        }
    }

    /** The types and values EVENTS.md v1.1 adds. */
    @Nested
    class Version1_1 {

        @Test
        void a_care_leaver_contact_without_eet_or_accommodation_reads_both_as_false() {
            ObjectNode data = EventJson.mapper().createObjectNode().put("inTouch", true);

            EventData.CareLeaverContactRecorded c = (EventData.CareLeaverContactRecorded)
                    accepted(Events.event("CareLeaverContactRecorded", "child/C1", data)).event().data();

            assertThat(c.inTouch()).isTrue();
            assertThat(c.inEet()).isFalse();
            assertThat(c.suitablyAccommodated()).isFalse();
        }

        @Test
        void a_care_leaver_contact_without_in_touch_is_rejected_naming_it() {
            ObjectNode data = EventJson.mapper().createObjectNode().put("eet", true);

            assertThat(rejected(Events.event("CareLeaverContactRecorded", "child/C1", data)).error())
                    .isEqualTo("data.inTouch is required");
        }

        @Test
        void immunisations_up_to_date_must_be_a_boolean() {
            ObjectNode data = EventJson.mapper().createObjectNode().put("upToDate", "yes");

            assertThat(rejected(Events.event("ImmunisationsRecorded", "child/C1", data)).error())
                    .isEqualTo("data.upToDate must be a boolean");
        }

        @Test
        void an_early_help_end_names_its_reason_from_the_listed_set() {
            ObjectNode data = EventJson.mapper().createObjectNode().put("episodeId", "EH1").put("reason", "CLOSED");

            Verdict.Rejected r = rejected(Events.event("EarlyHelpEnded", "child/C1", data));

            assertThat(r.error()).isEqualTo("data.reason must be one of [STEP_UP, OUTCOMES_MET, DISENGAGED, MOVED, OTHER]");
            assertThat(accepted(Events.event("EarlyHelpEnded", "child/C1", data.put("reason", "STEP_UP"))).event().data())
                    .isEqualTo(new EventData.EarlyHelpEnded("EH1", EventData.EarlyHelpEndReason.STEP_UP));
        }

        @Test
        void the_new_child_types_cannot_be_about_a_carer() {
            for (String type : new String[] {"EarlyHelpStarted", "CoreGroupHeld", "PlacementOrderGranted", "AdoptionMatched"}) {
                ObjectNode data = EventJson.mapper().createObjectNode().put("episodeId", "EH1");

                assertThat(rejected(Events.event(type, "carer/F1", data)).error()).as(type)
                        .isEqualTo("subject must match child/{id} or carer/{id} (a child type cannot be about a carer)");
            }
        }

        @Test
        void a_placement_for_adoption_is_accepted_with_its_type() {
            ObjectNode data = EventJson.mapper().createObjectNode().put("placementId", "PL1").put("placementType", "ADOPTION");

            assertThat(accepted(Events.event("PlacementStarted", "child/C1", data)).event().data())
                    .isEqualTo(new EventData.PlacementStarted("PL1", null, "ADOPTION"));
        }
    }

    static java.util.List<EventType> typesWithNoRequiredField() {
        return java.util.Arrays.stream(EventType.values())
                .filter(type -> Events.dataSchema(type).path("required").isEmpty())
                .toList();
    }
}
