package org.caseclock.query.api;

import org.caseclock.events.out.Scope;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class StreamController {

    private final LiveUpdates live;
    private final Access access;

    StreamController(LiveUpdates live, Access access) {
        this.live = live;
        this.access = access;
    }

    /**
     * {@code event: indicator} for month values, {@code event: item} for item status changes, in
     * the scope; item events only where the token may read the scope's lists.
     */
    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam String scope) {
        Scope s = Params.scope(scope);
        return live.subscribe(s, access.streamWithItems(s, "/api/stream"));
    }
}
