package org.caseclock.ingest.config;

import org.caseclock.security.ApiSecurity;
import org.caseclock.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code POST /api/events} needs a token with the scope {@value Caller#EVENTS_WRITE} (a case
 * management system's client); everything else of this service (actuator) is open.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurity.class)
public class IngestSecurity {

    /** Before the query service's chain, which takes every other request, in the all-in-one app. */
    @Bean
    @Order(1)
    SecurityFilterChain ingestFilterChain(HttpSecurity http, ApiSecurity api) throws Exception {
        http.securityMatcher("/api/events", "/api/events/**");
        return api.build(http, rules -> rules.anyRequest().hasAuthority("SCOPE_" + Caller.EVENTS_WRITE),
                "posting events needs a token with the scope " + Caller.EVENTS_WRITE);
    }
}
