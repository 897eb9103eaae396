package org.caseclock.alerts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Delivers alerts from the {@code alerts} topic to the configured channels, and escalates those left open. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AlertsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertsApplication.class, args);
    }
}
