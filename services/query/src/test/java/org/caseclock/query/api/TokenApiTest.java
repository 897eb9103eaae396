package org.caseclock.query.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.caseclock.events.Topics;
import org.caseclock.local.LocalKafkaBroker;
import org.caseclock.local.LocalMongoServer;
import org.caseclock.query.store.ItemStore;
import org.caseclock.security.LocalTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The query service with security on and bearer tokens signed by a key made for the tests, on
 * the authority of {@link TwoServices}; the audit trail kept for 30 days. One application
 * context, broker and MongoDB stand-in for every test class that extends this (the security and
 * audit trail tests), each test starting from the two overdue items and an empty trail.
 */
@SpringBootTest(properties = {
        "caseclock.security.enabled=true",
        "caseclock.audit.retention=30d",
        "caseclock.organisation.teams.T1=FAM",
        "caseclock.organisation.teams.T2=FAM",
        "caseclock.organisation.teams.T3=CLA"})
@AutoConfigureMockMvc
@Import(TokenApiTest.TestIssuer.class)
abstract class TokenApiTest {

    static final LocalTokens TOKENS = new LocalTokens();
    // Left to stop with the JVM: the context they serve is cached for every class extending this.
    static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary()
            .withTopics(1, Topics.COMPLIANCE_ITEMS, Topics.INDICATOR_VALUES, Topics.ALERTS, Topics.ENGINE_PROGRESS);
    static final LocalMongoServer MONGO = LocalMongoServer.inMemory(0);

    /** Tokens are checked against the test's key, as against the issuer's in production. */
    @TestConfiguration
    static class TestIssuer {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.decoder();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("caseclock-security"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ItemStore items;

    @BeforeEach
    void oneOverdueItemInT1AndOneInT3() {
        TwoServices.oneOverdueItemInT1AndOneInT3(items, mongo);
    }

    ResultActions read(String path, String token) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
