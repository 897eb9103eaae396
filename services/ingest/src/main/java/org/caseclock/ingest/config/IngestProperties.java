package org.caseclock.ingest.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of one {@code POST /api/events} request.
 *
 * @param maxEvents more events than this in one request answer 413
 * @param maxRequestSize a larger body answers 413
 * @param sendTimeout how long to wait for Kafka to acknowledge a request's events before answering 503
 */
@ConfigurationProperties("caseclock.ingest")
public record IngestProperties(
        @DefaultValue("10000") int maxEvents,
        @DefaultValue("16MB") DataSize maxRequestSize,
        @DefaultValue("30s") Duration sendTimeout) {}
