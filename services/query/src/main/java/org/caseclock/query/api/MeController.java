package org.caseclock.query.api;

import java.util.List;
import java.util.SortedSet;
import org.caseclock.security.ApiSecurity;
import org.caseclock.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the caller is and which lists it reaches, so the dashboard offers only
 * those; for a signed-in dashboard user, how to sign out (a form posted to {@code /logout} with
 * the session's CSRF token, as the page is a static file with nowhere to carry it).
 */
@RestController
class MeController {

    /**
     * @param lists       the {@code service/…} and {@code team/…} scopes whose lists the caller
     *                    reads; null for all of them (the lists of the whole authority, or security off)
     * @param auditTrail  whether {@code GET /api/audit} is open to it
     * @param signOut     null unless signed in to the dashboard
     */
    record Me(String sub, String name, List<String> lists, boolean auditTrail, SignOut signOut) {}

    record SignOut(String url, String parameter, String token) {}

    private final ApiSecurity security;
    private final Access access;

    MeController(ApiSecurity security, Access access) {
        this.security = security;
        this.access = access;
    }

    @GetMapping("/api/me")
    Me me(CsrfToken csrf) {
        Caller caller = security.caller();
        SortedSet<String> lists = access.listScopes(caller);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String name = caller.sub();
        SignOut signOut = null;
        if (authentication instanceof OAuth2AuthenticationToken signedIn && csrf != null) {
            signOut = new SignOut("/logout", csrf.getParameterName(), csrf.getToken());
            if (signedIn.getPrincipal() instanceof OidcUser user) {
                name = user.getFullName() != null ? user.getFullName()
                        : user.getPreferredUsername() != null ? user.getPreferredUsername() : name;
            }
        }
        return new Me(caller.sub(), name, lists == null ? null : List.copyOf(lists),
                !security.enabled() || caller.auditor(), signOut);
    }
}
