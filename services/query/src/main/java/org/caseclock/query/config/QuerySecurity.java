package org.caseclock.query.config;

import org.caseclock.security.ApiSecurity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every {@code /api} call needs a valid token or a signed-in dashboard session; which scopes it
 * may read is decided per request (api.Access). Actuator (health for the probes, prometheus),
 * {@code /v3/api-docs} and the dashboard's scripts and styles are open; the dashboard's page
 * itself needs a sign-in when a provider is configured
 * ({@code spring.security.oauth2.client.registration.*}, README "Security"), and is open
 * otherwise (it shows nothing without a token then).
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurity.class)
public class QuerySecurity {

    /**
     * The dashboard's own files only: no inline script or style (there is none), no framing, and
     * nothing of the address (which names a team or a child in its fragment's filters) sent on.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** Takes every request, so it comes last: after ingest's {@code /api/events} chain in the all-in-one app. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain queryFilterChain(HttpSecurity http, ApiSecurity api,
                                         ObjectProvider<ClientRegistrationRepository> providers) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny()));
        ClientRegistrationRepository registrations = providers.getIfAvailable();
        if (registrations == null) {
            return api.build(http, rules -> rules.requestMatchers("/api/**").authenticated().anyRequest().permitAll(),
                    "this token may not do that");
        }
        return api.build(http, rules -> rules.requestMatchers("/api/**", "/", "/index.html").authenticated()
                        .anyRequest().permitAll(),
                "this token may not do that", dashboardLogin(registrations));
    }

    /**
     * Authorization code with PKCE at the provider (PKCE for a confidential client too: Spring adds
     * it by itself only for public ones); the tokens stay in the server-side session. Signing out
     * ends the session and, where the provider publishes an end-session endpoint, the provider's
     * too (RP-initiated logout), coming back to the dashboard.
     */
    private static Customizer<HttpSecurity> dashboardLogin(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        return http -> http
                .oauth2Login(login -> login.authorizationEndpoint(a -> a.authorizationRequestResolver(withPkce)))
                .logout(logout -> logout.logoutSuccessHandler(signedOut));
    }
}
