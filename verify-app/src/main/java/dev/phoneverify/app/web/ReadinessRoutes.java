package dev.phoneverify.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health/ready}: whether this instance can serve verifications now, for a load balancer. The store and
 * the gateway are reported apart; the answer is 503 while either is down, so traffic goes elsewhere. {@code /health}
 * stays the liveness check: up as long as the process answers.
 */
final class ReadinessRoutes {
    static final String PATH = "/health/ready";

    private final ReadinessChecks checks;
    private final JsonWriter writer;

    ReadinessRoutes(ReadinessChecks checks, JsonWriter writer) {
        this.checks = checks;
        this.writer = writer;
    }

    void register(Javalin app) {
        app.get(PATH, this::ready);
    }

    private void ready(Context ctx) {
        boolean store = checks.store().isUp();
        boolean gateway = checks.gateway().isUp();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status(store && gateway));
        body.put("store", Map.of("status", status(store)));
        body.put("gateway", Map.of("status", status(gateway)));
        writer.write(ctx, store && gateway ? 200 : 503, body);
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
