package org.caseclock.query.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class StreamController {

    private final LiveUpdates live;

    StreamController(LiveUpdates live) {
        this.live = live;
    }

    /** {@code event: indicator} for month values, {@code event: item} for item status changes, in the scope. */
    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam String scope) {
        return live.subscribe(Params.scope(scope));
    }
}
