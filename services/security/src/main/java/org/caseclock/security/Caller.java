package org.caseclock.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking, from the claims of a bearer token or of a user signed in to the dashboard
 * (README.md, "Security"); the claim names are configuration ({@link SecurityProperties.Claims}):
 * <ul>
 *   <li>{@code sub}: who, as written to the audit log;</li>
 *   <li>{@code teams}: the teams whose child-level lists the holder may read (a team manager's own);</li>
 *   <li>{@code services}: the services whose lists, and every list of their teams, the holder may read;</li>
 *   <li>{@code scope} (or, for a token, {@code scp}): {@value #LISTS_LA} for the lists of the whole
 *       authority, {@value #AUDIT_READ} for the audit trail, {@value #EVENTS_WRITE} to post events
 *       to ingest.</li>
 * </ul>
 * With security off there is no token: the caller is {@value #ANONYMOUS}, with no claims.
 */
public record Caller(String sub, Set<String> teams, Set<String> services, Set<String> scopes) {

    /** Every child-level list of the authority. */
    public static final String LISTS_LA = "lists:la";
    /** {@code GET /api/audit}: the data protection officer's. */
    public static final String AUDIT_READ = "audit:read";
    /** {@code POST /api/events}. */
    public static final String EVENTS_WRITE = "events:write";
    public static final String ANONYMOUS = "anonymous";
    /** Spring Security's prefix for the scopes of a bearer token among its authorities. */
    private static final String SCOPE_AUTHORITY = "SCOPE_";

    public boolean authorityWide() {
        return scopes.contains(LISTS_LA);
    }

    public boolean auditor() {
        return scopes.contains(AUDIT_READ);
    }

    static Caller of(Authentication authentication, SecurityProperties.Claims names) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Set<String> scopes = new HashSet<>(strings(token.getToken().getClaims().get(names.scopes())));
            token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith(SCOPE_AUTHORITY))
                    .forEach(a -> scopes.add(a.substring(SCOPE_AUTHORITY.length())));
            return of(token.getToken().getClaims(), names, scopes);
        }
        // A dashboard user: the claims of the provider's ID token and user info, kept in the
        // session. Not its authorities: those hold the OAuth2 scopes the dashboard asked for.
        if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal user) {
            return of(user.getAttributes(), names, strings(user.getAttributes().get(names.scopes())));
        }
        return new Caller(ANONYMOUS, Set.of(), Set.of(), Set.of());
    }

    private static Caller of(Map<String, Object> claims, SecurityProperties.Claims names, Set<String> scopes) {
        Object sub = claims.get(names.sub());
        return new Caller(sub == null ? ANONYMOUS : sub.toString(), strings(claims.get(names.teams())),
                strings(claims.get(names.services())), Set.copyOf(scopes));
    }

    /** A list of strings, or one string of space-separated words; absent is empty. */
    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof String text && !text.isBlank()) {
            return Set.of(text.trim().split("\\s+"));
        }
        return Set.of();
    }
}
