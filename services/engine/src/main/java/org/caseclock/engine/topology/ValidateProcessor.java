package org.caseclock.engine.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseclock.engine.store.ProgressStore;
import org.caseclock.events.out.Progress;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.contract.ContractValidator;
import org.caseclock.events.contract.ContractValidator.Verdict;

/**
 * The contract gate for everything on {@code case-events}, including records written by direct
 * producers that never passed the ingest service: valid events go on keyed by subject; anything
 * else goes to the DLQ untouched, with the reason in a header. Nothing is dropped silently.
 */
final class ValidateProcessor implements Processor<byte[], byte[], Object, Object> {

    static final String VALID = "valid";
    static final String INVALID = "invalid";

    private final ContractValidator validator;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Progress> progress;

    ValidateProcessor(ContractValidator validator) {
        this.validator = validator;
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
            Verdict verdict = validator.validate(record.value(), Instant.ofEpochMilli(record.timestamp()));
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
}
