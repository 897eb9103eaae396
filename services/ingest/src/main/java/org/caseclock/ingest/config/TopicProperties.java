package org.caseclock.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the topics ingest owns are created when they do not exist yet. */
@ConfigurationProperties("caseclock.topics")
public record TopicProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor) {}
