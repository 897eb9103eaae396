package org.caseclock.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caseclock.security.enabled}: true (the default) needs a bearer token on every
 * {@code /api} call, checked against the issuer's keys
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}); false
 * allows every call without one, for the local demo only.
 */
@ConfigurationProperties("caseclock.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled) {}
