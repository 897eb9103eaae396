package org.caseclock.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of each service's filter chain that is the same everywhere: bearer tokens (JWT, no
 * sessions, no cookies, so no CSRF), 401 and 403 answered as {@code {"error": "…"}}, and the
 * {@code caseclock.security.enabled=false} switch, which allows everything and says so loudly.
 * Each service names its own rules; the scope-by-scope decisions are the query service's, and so
 * is the dashboard's sign-in, which {@link #build(HttpSecurity, Customizer, String, Customizer)}
 * takes beside the tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurity {

    public static final String OFF_WARNING =
            "SECURITY IS OFF: every /api call is allowed without a token — local demo only (caseclock.security.enabled=false)";

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);
    // Jackson 3, as Spring MVC writes every other API error with (docs/platform.md, Jackson).
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecurityProperties properties;
    private final ObjectProvider<JwtDecoder> decoder;

    ApiSecurity(SecurityProperties properties, ObjectProvider<JwtDecoder> decoder) {
        this.properties = properties;
        this.decoder = decoder;
        if (!properties.enabled()) {
            log.warn("""

                    ************************************************************************************
                    {}
                    ************************************************************************************""",
                    OFF_WARNING);
        }
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** The caller of the request being served, by a bearer token or a dashboard session. */
    public Caller caller() {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), properties.claims());
    }

    /**
     * @param rules     which requests need what, with security on
     * @param forbidden the message of a 403 from {@code rules}
     */
    public SecurityFilterChain build(HttpSecurity http,
                                     Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules,
                                     String forbidden) throws Exception {
        return build(http, rules, forbidden, null);
    }

    /**
     * @param browserLogin with security on, how a browser signs in (the dashboard's OpenID Connect
     *                     login); null for tokens only. With it, a signed-in browser has a session
     *                     (its cookie), so its requests are guarded against cross-site forgery;
     *                     a request with a bearer token carries no cookie that a forger could
     *                     ride on, and stays as without it. An unauthenticated {@code /api} call
     *                     is still answered 401, never sent to the sign-in.
     */
    public SecurityFilterChain build(HttpSecurity http,
                                     Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules,
                                     String forbidden, Customizer<HttpSecurity> browserLogin) throws Exception {
        if (!properties.enabled()) {
            return http.csrf(csrf -> csrf.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable())
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
        }
        if (browserLogin == null) {
            http.csrf(csrf -> csrf.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable());
        } else {
            http.csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null));
        }
        JwtDecoder jwt = decoder.getIfAvailable();
        if (jwt == null) {
            throw new IllegalStateException("caseclock.security.enabled is true but no token issuer is configured: set"
                    + " spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri), or, for a local demo only,"
                    + " caseclock.security.enabled=false");
        }
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint unauthorised = (request, response, e) -> {
            bearer.commence(request, response, e);
            error(response, "a valid bearer token is required");
        };
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        if (browserLogin != null) {
            // Registered before the sign-in's own entry point, so it is the one /api gets.
            http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(unauthorised,
                    PathPatternRequestMatcher.pathPattern("/api/**")));
            browserLogin.customize(http);
        }
        return http
                .authorizeHttpRequests(a -> {
                    // An async dispatch (a live-update stream) or an error page belongs to a request already let in.
                    a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    rules.customize(a);
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(jwt))
                        .authenticationEntryPoint(unauthorised)
                        .accessDeniedHandler((request, response, e) -> {
                            denied.handle(request, response, e);
                            error(response, forbidden);
                        }))
                .build();
    }

    /** The status and WWW-Authenticate are set already; the body as every other API error. */
    private static void error(HttpServletResponse response, String message) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), Map.of("error", message));
    }
}
