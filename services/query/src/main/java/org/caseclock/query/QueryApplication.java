package org.caseclock.query;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The read side: materialises the engine's topics into MongoDB and serves indicators, lists,
 * alerts, packs, live updates and progress over HTTP.
 */
@OpenAPIDefinition(info = @Info(title = "caseclock query API",
        description = "Indicators, lists, alerts, meeting packs, live updates and progress (API.md)", version = "v1"))
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryApplication.class, args);
    }
}
