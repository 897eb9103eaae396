package org.caseclock.ingest.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.events.Topics;
import org.caseclock.events.contract.ValidationMark;
import org.caseclock.ingest.config.IngestProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes accepted events to {@code case-events}, keyed by subject so one subject's events stay in
 * order on one partition, as CloudEvents structured JSON with {@code recordedat} filled in; and
 * rejected ones to {@code case-events.dlq} as they were sent, with the reason in a header, so
 * that {@code /api/status} counts every rejection wherever it happened. With
 * {@code caseclock.validation-key} set (the same on the engine) each accepted event carries
 * {@link ValidationMark}'s header, so the engine need not validate it a second time.
 */
@Component
public class CaseEventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final ObjectMapper mapper = EventJson.mapper();
    private final Duration timeout;
    private final Optional<ValidationMark> mark;

    public CaseEventPublisher(KafkaTemplate<String, byte[]> template, IngestProperties properties,
                              @Value("${caseclock.validation-key:}") String validationKey) {
        this.template = template;
        this.timeout = properties.sendTimeout();
        this.mark = ValidationMark.of(validationKey);
    }

    /**
     * Returns only when Kafka has acknowledged every event. Everything is sent before waiting, so
     * a batch costs one round of acknowledgements, not one per event.
     */
    public void publishAll(List<CaseEvent> events, List<DeadLetter> rejected) throws PublishFailedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size() + rejected.size());
        try {
            for (CaseEvent event : events) {
                byte[] value = mapper.writeValueAsBytes(event);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASE_EVENTS, event.subject().toString(), value);
                // Validated here: with a shared key the engine trusts the mark and does not validate it again.
                mark.ifPresent(m -> record.headers().add(ValidationMark.HEADER, m.sign(value)));
                sends.add(template.send(record));
            }
            for (DeadLetter dead : rejected) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASE_EVENTS_DLQ, null, dead.event());
                record.headers().add(Topics.ERROR_HEADER, dead.error().getBytes(StandardCharsets.UTF_8));
                sends.add(template.send(record));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka did not acknowledge the events", e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge the events within " + timeout, e);
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            // Thrown at once rather than through the future, e.g. when no broker answers for max.block.ms.
            throw new PublishFailedException("Kafka refused the events", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an accepted event could not be written as JSON", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        }
    }

    /** A rejected event as it was sent, and why. */
    public record DeadLetter(byte[] event, String error) {}
}
