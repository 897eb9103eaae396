package org.caseclock.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an authority configures for the engine, under {@code caseclock.engine}. Timescales,
 * targets and tolerances are in the catalogue overrides file ({@code caseclock.catalogue.overrides}); teams
 * and services under {@code caseclock.organisation}: both bound once, by the catalogue module.
 *
 * @param punctuationInterval how often the due index is read (an item shows overdue within this of its deadline)
 * @param retainedMonths months of values kept per counter (13 for a trend, plus the year before)
 * @param alerting indicator codes that alert besides those the catalogue marks ({@code alert: true})
 * @param alertHorizon an item already overdue for longer than this when the engine first sees it overdue
 *        (old history loaded now) is OVERDUE in every figure and list but raises no alert
 * @param bankHolidays days an authority adds to the England and Wales bank holidays
 * @param stateDir where Kafka Streams keeps its RocksDB stores
 * @param streamThreads stream threads in this instance
 * @param applicationId the Kafka Streams application id (consumer group and internal topic prefix)
 * @param coalesceWhenBehind how far behind its input the engine must be to put evaluations off (and how long
 *        with no record means the backlog is worked through)
 * @param coalesceDelay the longest an evaluation is put off
 * @param punctuationBudget the most time one punctuation spends on due subjects
 * @param stateCache memory for Kafka Streams' record cache, shared by the stream threads: writes to a
 *        key between two commits are held there and reach RocksDB and the changelog once
 */
@ConfigurationProperties("caseclock.engine")
public record EngineProperties(
        @DefaultValue("1s") Duration punctuationInterval,
        @DefaultValue("25") int retainedMonths,
        @DefaultValue Set<String> alerting,
        @DefaultValue("7d") Duration alertHorizon,
        @DefaultValue List<LocalDate> bankHolidays,
        @DefaultValue("./data/engine-state") Path stateDir,
        @DefaultValue("1") int streamThreads,
        @DefaultValue("caseclock-engine") String applicationId,
        @DefaultValue("5s") Duration coalesceWhenBehind,
        @DefaultValue("30s") Duration coalesceDelay,
        @DefaultValue("800ms") Duration punctuationBudget,
        @DefaultValue("64MB") DataSize stateCache) {
}
