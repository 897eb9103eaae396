package org.caseclock.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseclock.ingest.IngestClient.Answer;
import org.caseclock.local.LocalKafkaBroker;
import org.caseclock.security.LocalTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * API.md's Security section on ingest, with security on and tokens signed by a key made for the
 * test: posting events needs the scope {@code events:write}; the probes need no token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "caseclock.security.enabled=true",
        "caseclock.topics.partitions=1"})
@DirtiesContext
class SecurityTest {

    static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    static final LocalTokens TOKENS = new LocalTokens();

    /** Tokens are checked against the test's key, as against the issuer's in production. */
    @TestConfiguration
    static class TestIssuer {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.decoder();
        }
    }

    @LocalServerPort
    int port;

    private static String visit() {
        return IngestClient.visit(UUID.randomUUID().toString(), "child/C1");
    }

    @Test
    void an_event_posted_without_a_token_is_401_and_not_accepted() {
        Answer answer = new IngestClient(port).post("application/json", visit());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().path("error").asText()).isEqualTo("a valid bearer token is required");
    }

    @Test
    void an_event_posted_with_a_token_without_events_write_is_403() {
        // Given a team manager's token: it may read lists, not write events
        String token = TOKENS.token("manager-t1", "lists:la", Map.of("teams", List.of("T1")));

        // When it posts an event
        Answer answer = new IngestClient(port, token).post("application/json", visit());

        // Then 403, saying what it lacks
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().path("error").asText()).isEqualTo("posting events needs a token with the scope events:write");
    }

    @Test
    void an_event_posted_with_events_write_is_accepted_202() {
        // Given a case management system's token
        String token = TOKENS.token("cms-client", "events:write", Map.of());

        // When it posts an event
        Answer answer = new IngestClient(port, token).post("application/json", visit());

        // Then it is accepted
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().path("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void the_probes_need_no_token() {
        assertThat(new IngestClient(port).get("/actuator/health/readiness")).contains("\"UP\"");
    }
}
