package dev.dragoman.serve;

import java.util.List;
import java.util.Map;

/**
 * {@code /health} (the process answers: LibreTranslate's {@code {"status": "ok"}}), {@code /ready} (started and not
 * stopping: load balancers stop sending before a graceful shutdown) and {@code /metrics} (Prometheus text).
 */
final class Health {

    private volatile boolean ready;

    void ready(boolean r) {
        this.ready = r;
    }

    List<Route> routes(Admission admission, Metrics metrics, ServeBackends backends) {
        return List.of(
                new Route("GET", "/health", Route.Api.LIBRE, false, false, e -> Reply.json(Map.of("status", "ok"))),
                new Route(
                        "GET",
                        "/ready",
                        Route.Api.DRAGOMAN,
                        false,
                        false,
                        e -> ready
                                ? Reply.json(Map.of("status", "ready"))
                                : Reply.json(503, Map.of("status", "stopping"))),
                new Route(
                        "GET",
                        "/metrics",
                        Route.Api.DRAGOMAN,
                        false,
                        false,
                        e -> Reply.text(
                                200,
                                "text/plain; version=0.0.4; charset=utf-8",
                                metrics.render(admission, backends.meter()))));
    }
}
