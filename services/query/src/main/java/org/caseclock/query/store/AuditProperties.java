package org.caseclock.query.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caseclock.audit}: how long the audit trail of list reads is kept.
 *
 * @param retention     an entry older than this is neither answered nor kept: two years by default,
 *                      long enough for a complaint or a subject access request about who looked,
 *                      and no longer (the trail itself is personal data about the staff in it)
 * @param purgeInterval how often the entries past the retention are deleted
 */
@ConfigurationProperties("caseclock.audit")
public record AuditProperties(@DefaultValue("730d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {}
