package org.caseclock.query.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param heartbeat how often an idle live-update stream gets a comment, so proxies keep it open
 *                  and a client that left is noticed
 * @param replayOnStart read the engine's topics from their start when this process first gets a
 *                  partition, whatever the committed offsets say: for a MongoDB that may have
 *                  lost what it had (the local profile's in-memory stand-in). Writes are
 *                  idempotent, so a replay only costs time.
 */
@ConfigurationProperties("caseclock.query")
public record QueryProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("false") boolean replayOnStart) {}
