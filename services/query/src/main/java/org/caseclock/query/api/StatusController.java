package org.caseclock.query.api;

import org.caseclock.query.kafka.EngineStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatusController {

    private final EngineStatus status;

    StatusController(EngineStatus status) {
        this.status = status;
    }

    /** Wait until applied == accepted, then every read is consistent with every event sent so far. */
    @GetMapping("/api/status")
    EngineStatus.Status status() {
        return status.now();
    }
}
