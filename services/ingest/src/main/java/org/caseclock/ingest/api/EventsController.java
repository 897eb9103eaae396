package org.caseclock.ingest.api;

import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.contract.ContractValidator;
import org.caseclock.events.contract.ContractValidator.Verdict;
import org.caseclock.events.contract.RejectionReason;
import org.caseclock.ingest.api.IngestResponse.RejectedEvent;
import org.caseclock.ingest.api.IngestResponse.RequestError;
import org.caseclock.ingest.config.IngestProperties;
import org.caseclock.events.Topics;
import org.caseclock.ingest.kafka.CaseEventPublisher;
import org.caseclock.ingest.kafka.CaseEventPublisher.DeadLetter;
import org.caseclock.ingest.kafka.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/events}: one CloudEvent, a JSON array of them, or NDJSON (API.md, "Ingest"). */
@RestController
public class EventsController {

    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    static final String CLOUDEVENTS_BATCH_JSON = "application/cloudevents-batch+json";
    static final String NDJSON = "application/x-ndjson";

    private static final Logger log = LoggerFactory.getLogger(EventsController.class);
    private static final MediaType NDJSON_TYPE = MediaType.parseMediaType(NDJSON);

    private final ContractValidator validator;
    private final CaseEventPublisher publisher;
    private final IngestProperties limits;
    private final IngestMetrics metrics;
    private final Clock clock;

    EventsController(ContractValidator validator, CaseEventPublisher publisher, IngestProperties limits,
            IngestMetrics metrics, Clock clock) {
        this.validator = validator;
        this.publisher = publisher;
        this.limits = limits;
        this.metrics = metrics;
        this.clock = clock;
    }

    @PostMapping(path = "/api/events",
            consumes = {CLOUDEVENTS_JSON, CLOUDEVENTS_BATCH_JSON, MediaType.APPLICATION_JSON_VALUE, NDJSON},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> ingest(@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType, InputStream body)
            throws IOException {
        Instant receivedAt = clock.instant();
        Timer.Sample timer = metrics.startRequest();
        String outcome = "error";
        try {
            long maxBytes = limits.maxRequestSize().toBytes();
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                outcome = "too_large";
                return tooLarge();
            }
            List<Submitted> submitted =
                    NDJSON_TYPE.isCompatibleWith(contentType) ? RequestBody.ndjson(bytes) : RequestBody.json(bytes);
            if (submitted.size() > limits.maxEvents()) {
                outcome = "too_large";
                return tooLarge();
            }

            Checked checked = check(submitted, receivedAt);
            List<CaseEvent> accepted = checked.accepted();
            List<RejectedEvent> rejected = checked.rejected();

            try {
                publisher.publishAll(accepted, checked.deadLetters());
            } catch (PublishFailedException e) {
                if (!accepted.isEmpty()) {
                    outcome = "unavailable";
                    log.warn("Answering 503: {} ({})", e.getMessage(), String.valueOf(e.getCause()));
                    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                            .header(HttpHeaders.RETRY_AFTER, "5")
                            .body(new RequestError("Events could not be stored (" + e.getMessage() + "). Nothing from"
                                    + " this request was accepted; send it again: an event id sent twice counts once."));
                }
                // Nothing valid to lose: the sender still hears why each event was rejected; only
                // the dead-letter copy (and so its place in /api/status's count) is missing.
                log.warn("Rejected events not written to {}: {} ({})", Topics.CASE_EVENTS_DLQ, e.getMessage(),
                        String.valueOf(e.getCause()));
            }
            metrics.accepted(accepted.size());
            checked.reasons().forEach(metrics::rejected);
            log.debug("Request of {} events: {} accepted, {} rejected", submitted.size(), accepted.size(), rejected.size());

            outcome = accepted.isEmpty() ? "rejected" : "accepted";
            HttpStatus status = accepted.isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.ACCEPTED;
            return ResponseEntity.status(status).body(new IngestResponse(accepted.size(), rejected));
        } finally {
            metrics.requestDone(timer, outcome);
        }
    }

    /** The request's events sorted into accepted and rejected; each rejection keeps its position. */
    private record Checked(List<CaseEvent> accepted, List<RejectedEvent> rejected, List<RejectionReason> reasons,
                           List<DeadLetter> deadLetters) {}

    private Checked check(List<Submitted> submitted, Instant receivedAt) {
        Checked checked = new Checked(new ArrayList<>(submitted.size()), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < submitted.size(); i++) {
            Verdict verdict = submitted.get(i).check(validator, receivedAt);
            if (verdict instanceof Verdict.Accepted a) {
                checked.accepted().add(a.event());
            } else if (verdict instanceof Verdict.Rejected r) {
                checked.rejected().add(new RejectedEvent(i, r.id(), r.error()));
                checked.reasons().add(r.reason());
                checked.deadLetters().add(new DeadLetter(submitted.get(i).bytes(), r.error()));
            }
        }
        return checked;
    }

    private ResponseEntity<RequestError> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new RequestError(
                "A request may hold at most " + limits.maxEvents() + " events and " + sizeLimit()
                        + "; split it into smaller requests."));
    }

    private String sizeLimit() {
        long bytes = limits.maxRequestSize().toBytes();
        long mib = 1024 * 1024;
        return bytes % mib == 0 ? bytes / mib + " MiB" : bytes + " bytes";
    }
}
