package org.caseclock.query.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param heartbeat how often an idle live-update stream gets a comment, so proxies keep it open
 *                  and a client that left is noticed
 * @param replayOnStart read the engine's topics from their start when this process first gets a
 *                  partition, whatever the committed offsets say: for a MongoDB that may have
 *                  lost what it had (the local profile's in-memory stand-in). Writes are
 *                  idempotent, so a replay only costs time.
 * @param ragMinDenominator a percentage resting on fewer cases than this has its RAG withheld
 *                  (GREY, {@code "tooFew": true}): "1 of 2" is no basis for Red
 * @param notAvailable indicators the data source cannot feed (e.g. an SSD extract): their figures
 *                  are flagged with {@code "notAvailable": reason} instead of read as a real 0
 */
@ConfigurationProperties("caseclock.query")
public record QueryProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("false") boolean replayOnStart,
        @DefaultValue("5") int ragMinDenominator,
        @DefaultValue NotAvailable notAvailable) {

    /** {@code caseclock.query.not-available.codes} and the reason shown for them. */
    public record NotAvailable(
            @DefaultValue("") List<String> codes,
            @DefaultValue("not available from this data source") String reason) {

        public NotAvailable {
            codes = codes == null ? List.of() : codes.stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
        }

        public boolean covers(String code) {
            return codes.contains(code);
        }
    }
}
