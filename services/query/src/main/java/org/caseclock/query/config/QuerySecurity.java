package org.caseclock.query.config;

import org.caseclock.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every {@code /api} call needs a valid token; which scopes it may read is decided per request
 * (api.Access). The dashboard, actuator (health for the probes, prometheus) and
 * {@code /v3/api-docs} are open.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurity.class)
public class QuerySecurity {

    /** Takes every request, so it comes last: after ingest's {@code /api/events} chain in the all-in-one app. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain queryFilterChain(HttpSecurity http, ApiSecurity api) throws Exception {
        return api.build(http, rules -> rules.requestMatchers("/api/**").authenticated().anyRequest().permitAll(),
                "this token may not do that");
    }
}
