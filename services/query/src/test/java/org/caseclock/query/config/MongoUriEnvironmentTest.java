package org.caseclock.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class MongoUriEnvironmentTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new MongoUriEnvironment().postProcessEnvironment(env, null);
        return env;
    }

    @Test
    void mongodb_uri_from_the_environment_becomes_spring_mongodb_uri() {
        assertThat(environment(Map.of("MONGODB_URI", "mongodb://db:27017/cc")).getProperty("spring.mongodb.uri"))
                .isEqualTo("mongodb://db:27017/cc");
    }

    @Test
    void an_explicit_spring_mongodb_uri_wins_and_without_either_nothing_is_set() {
        assertThat(environment(Map.of("MONGODB_URI", "mongodb://db/a", "spring.mongodb.uri", "mongodb://other/b"))
                .getProperty("spring.mongodb.uri")).isEqualTo("mongodb://other/b");
        assertThat(environment(Map.of()).getProperty("spring.mongodb.uri")).isNull();
    }
}
