package org.caseclock.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.topology.EngineSettings;

/** The engine as the benchmarks run it: the default catalogue and load settings, KafkaStreams configured as in production. */
final class BenchEngine {

    private BenchEngine() {}

    static EngineSettings settings() {
        Catalogue catalogue = Catalogue.defaults();
        return new EngineSettings(catalogue, new Organisation(Map.of()), WorkingCalendar.englandAndWales(),
                Duration.ofSeconds(1), 25, EngineSettings.alertingOf(catalogue, Set.of()), Duration.ofDays(7),
                EngineSettings.Load.DEFAULT);
    }

    /** RocksDB in a fresh directory, exactly-once, commits every 100 ms and a 64 MB record cache, as the engine's defaults. */
    static Properties streams(String applicationId, String servers, int threads) throws IOException {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(applicationId).toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }
}
