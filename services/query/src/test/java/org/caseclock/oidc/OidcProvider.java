package org.caseclock.oidc;

import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the dashboard's sign-in tests: Spring Authorization Server
 * on its own port, in its own application context beside the query service's, with a sign-in
 * form, users and two registered clients: the dashboard, and a reporting job that gets bearer
 * tokens for itself (client credentials). It stands in for the authority's
 * provider; its ID tokens carry the teams as the claim {@value #TEAMS_CLAIM} (a provider names its
 * claims as it likes: the query service is told the name by configuration).
 *
 * <p>Outside {@code org.caseclock.query} on purpose: the query service scans that package, tests
 * included, and must not find this.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class OidcProvider {

    public static final String TEAMS_CLAIM = "caseclock_teams";
    public static final String CLIENT_ID = "caseclock-dashboard";
    public static final String CLIENT_SECRET = "dashboard-secret";
    public static final String MACHINE_ID = "reporting-job";
    public static final String MACHINE_SECRET = "reporting-secret";
    public static final String PASSWORD = "correct horse battery staple";

    /** User name → the teams the provider gives in the ID token. */
    static final Map<String, List<String>> TEAMS = Map.of("manager-t1", List.of("T1"));

    /**
     * Starts the provider on a free port of 127.0.0.1 (the dashboard runs on {@code localhost}, so
     * a browser keeps the two sites' cookies apart, as it would two hosts').
     *
     * @param dashboard the dashboard's address, e.g. {@code http://localhost:8082}: where the
     *                  provider may send the code and, after signing out, the browser
     */
    public static ConfigurableApplicationContext start(String dashboard) {
        String client = "spring.security.oauth2.authorizationserver.client.dashboard.";
        String machine = "spring.security.oauth2.authorizationserver.client.reporting.";
        return new SpringApplicationBuilder(OidcProvider.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        // Not the query service's application.yml, which is on the same classpath.
                        "spring.config.name=oidc-provider",
                        "server.port=0",
                        "server.address=127.0.0.1",
                        // Its own session cookie name too: cookies do not keep ports apart, and
                        // Java's cookie store is loose about hosts given as addresses.
                        "server.servlet.session.cookie.name=PROVIDER_SESSION",
                        client + "registration.client-id=" + CLIENT_ID,
                        client + "registration.client-secret={noop}" + CLIENT_SECRET,
                        client + "registration.client-authentication-methods=client_secret_basic",
                        client + "registration.authorization-grant-types=authorization_code,refresh_token",
                        client + "registration.redirect-uris=" + dashboard + "/login/oauth2/code/authority",
                        client + "registration.post-logout-redirect-uris=" + dashboard + "/",
                        client + "registration.scopes=openid,profile",
                        // The sign-in fails unless the dashboard sends a PKCE challenge and its verifier.
                        client + "require-proof-key=true",
                        client + "require-authorization-consent=false",
                        // A machine beside the dashboard: a reporting job with the authority's lists.
                        machine + "registration.client-id=" + MACHINE_ID,
                        machine + "registration.client-secret={noop}" + MACHINE_SECRET,
                        machine + "registration.client-authentication-methods=client_secret_basic",
                        machine + "registration.authorization-grant-types=client_credentials",
                        machine + "registration.scopes=lists:la")
                .run();
    }

    public static String issuer(ConfigurableApplicationContext provider) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) provider).getWebServer().getPort();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(TEAMS.keySet().stream()
                .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
                .toList());
    }

    /** The teams of the user, in the ID token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> teamsInTheIdToken() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claim(TEAMS_CLAIM, TEAMS.getOrDefault(context.getPrincipal().getName(), List.of()));
            }
        };
    }
}
