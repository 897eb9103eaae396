package org.caseclock.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking, from the bearer token's claims (README.md, "Security"):
 * <ul>
 *   <li>{@code sub}: who, as written to the audit log;</li>
 *   <li>{@code teams}: the teams whose child-level lists the holder may read (a team manager's own);</li>
 *   <li>{@code services}: the services whose lists, and every list of their teams, the holder may read;</li>
 *   <li>{@code scope} (or {@code scp}), the standard OAuth2 claim: {@value #LISTS_LA} for the lists
 *       of the whole authority, {@value #EVENTS_WRITE} to post events to ingest.</li>
 * </ul>
 * With security off there is no token: the caller is {@value #ANONYMOUS}, with no claims.
 */
public record Caller(String sub, Set<String> teams, Set<String> services, boolean authorityWide) {

    public static final String TEAMS = "teams";
    public static final String SERVICES = "services";
    /** Every child-level list of the authority. */
    public static final String LISTS_LA = "lists:la";
    /** {@code POST /api/events}. */
    public static final String EVENTS_WRITE = "events:write";
    public static final String ANONYMOUS = "anonymous";

    /** The caller of the request being served. */
    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Caller of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return new Caller(ANONYMOUS, Set.of(), Set.of(), false);
        }
        boolean authorityWide = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(("SCOPE_" + LISTS_LA)::equals);
        return new Caller(token.getToken().getSubject(), claim(token, TEAMS), claim(token, SERVICES), authorityWide);
    }

    /** A list of strings, or one string; absent is empty. */
    private static Set<String> claim(JwtAuthenticationToken token, String name) {
        List<String> values = token.getToken().hasClaim(name) ? token.getToken().getClaimAsStringList(name) : null;
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
