package org.caseclock.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The read side: materialises the engine's topics into MongoDB and serves indicators, lists,
 * alerts, packs, live updates and progress over HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryApplication.class, args);
    }
}
