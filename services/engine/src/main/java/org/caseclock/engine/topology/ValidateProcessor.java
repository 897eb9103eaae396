package org.caseclock.engine.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseclock.engine.store.ProgressStore;
import org.caseclock.events.out.Progress;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.events.contract.ContractValidator;
import org.caseclock.events.contract.ContractValidator.Verdict;
import org.caseclock.events.contract.ValidationMark;

/**
 * The contract gate for everything on {@code case-events}, including records written by direct
 * producers that never passed the ingest service: valid events go on keyed by subject; anything
 * else goes to the DLQ untouched, with the reason in a header. Nothing is dropped silently.
 * A record ingest has validated and marked ({@link ValidationMark}) is only bound, not put through
 * the JSON Schemas again (they were most of the cost of accepting an event); a record without a
 * mark that verifies is validated in full, so a direct producer cannot skip validation.
 */
final class ValidateProcessor implements Processor<byte[], byte[], Object, Object> {

    static final String VALID = "valid";
    static final String INVALID = "invalid";

    private final ContractValidator validator;
    private final Optional<ValidationMark> mark;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Progress> progress;

    ValidateProcessor(ContractValidator validator, Optional<ValidationMark> mark) {
        this.validator = validator;
        this.mark = mark;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.progress = context.getStateStore(EngineTopics.Stores.PROGRESS);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String error;
        if (record.value() == null) {
            error = "record has no value";
        } else {
            Verdict verdict = validatedByIngest(record)
                    .<Verdict>map(Verdict.Accepted::new)
                    .orElseGet(() -> validator.validate(record.value(), Instant.ofEpochMilli(record.timestamp())));
            if (verdict instanceof Verdict.Accepted accepted) {
                CaseEvent event = accepted.event();
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                if (event.subject().toString().equals(key)) {
                    context.forward(record.withKey((Object) key).withValue(event), VALID);
                    return;
                }
                // A wrong key would put the subject's history on the wrong partition and split it.
                error = "record key must equal the subject (" + event.subject() + "), was " + key;
            } else {
                error = ((Verdict.Rejected) verdict).error();
            }
        }
        Record<Object, Object> dead = new Record<>(record.key(), record.value(), record.timestamp(), record.headers());
        dead.headers().add(EngineTopics.ERROR_HEADER, error.getBytes(StandardCharsets.UTF_8));
        context.forward(dead, INVALID);
        ProgressStore.count(progress, Progress.keyOf(context.taskId().partition()), Progress::withRejected);
    }

    /** The event, bound, when ingest's mark on the record verifies; empty otherwise (validate it in full). */
    private Optional<CaseEvent> validatedByIngest(Record<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(ValidationMark.HEADER);
        if (header == null || mark.isEmpty() || !mark.get().verifies(record.value(), header.value())) {
            return Optional.empty();
        }
        try {
            CaseEvent event = BOUND.readValue(record.value(), CaseEvent.class);
            return Optional.of(event.stampedAt(Instant.ofEpochMilli(record.timestamp()).atOffset(ZoneOffset.UTC)));
        } catch (IOException e) {
            return Optional.empty(); // ingest wrote it, so this is not expected: the full check says what is wrong
        }
    }

    private static final ObjectMapper BOUND = EventJson.mapper();
}
