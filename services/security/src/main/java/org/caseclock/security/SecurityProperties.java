package org.caseclock.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caseclock.security.enabled}: true (the default) needs a bearer token on every
 * {@code /api} call, checked against the issuer's keys
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}), or, on
 * the query service, a dashboard session signed in at the authority's OpenID Connect provider;
 * false allows every call without one, for the local demo only.
 *
 * @param claims which claims of a token, or of a signed-in user, say who it is and what it
 *               reaches: an identity provider names its groups and roles as it likes
 */
@ConfigurationProperties("caseclock.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled, @DefaultValue Claims claims) {

    /**
     * The claim names read for {@link Caller}. A claim may be a list of strings or one string
     * (a space-separated one for {@code scopes}).
     *
     * @param sub      who, as written to the audit log
     * @param teams    the teams whose lists the holder reads
     * @param services the services whose lists, and their teams', the holder reads
     * @param scopes   {@value Caller#LISTS_LA}, {@value Caller#AUDIT_READ}, {@value Caller#EVENTS_WRITE}.
     *                 For a bearer token the standard {@code scope}/{@code scp} claim counts too;
     *                 for a signed-in user only this claim does, never the OAuth2 scopes the
     *                 dashboard asked the provider for (asking is not being granted).
     */
    public record Claims(@DefaultValue("sub") String sub, @DefaultValue("teams") String teams,
                         @DefaultValue("services") String services, @DefaultValue("scope") String scopes) {}
}
