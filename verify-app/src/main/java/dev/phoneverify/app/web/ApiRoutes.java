package dev.phoneverify.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.service.CheckResult;
import dev.phoneverify.core.service.FlowNotFoundException;
import dev.phoneverify.core.service.VerificationService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON API: one resource per verification, commands as sub-resources. Refusals propagate to the problem mapping. */
final class ApiRoutes {
    static final String BASE = "/api/verifications";

    private final VerificationService service;
    private final RequestReader reader;
    private final JsonWriter writer;

    ApiRoutes(VerificationService service, RequestReader reader, JsonWriter writer) {
        this.service = service;
        this.reader = reader;
        this.writer = writer;
    }

    void register(Javalin app) {
        app.post(BASE, this::start);
        app.get(BASE + "/{id}", this::show);
        app.post(BASE + "/{id}/check", this::check);
        app.post(BASE + "/{id}/cancel", ctx -> writer.write(ctx, 200, view(service.cancel(id(ctx)))));
        app.post(BASE + "/{id}/next", ctx -> writer.write(ctx, 200, view(service.next(id(ctx)))));
    }

    private void start(Context ctx) {
        JsonNode body = reader.jsonObject(ctx);
        PhoneNumber number = PhoneNumber.parse(RequestReader.requiredText(body, "number"));
        VerificationFlow flow = service.start(number, ClientKeys.of(ctx));
        ctx.header("Location", BASE + "/" + flow.id());
        writer.write(ctx, 201, view(flow));
    }

    private void show(Context ctx) {
        FlowId id = id(ctx);
        writer.write(ctx, 200, view(service.find(id).orElseThrow(() -> new FlowNotFoundException(id))));
    }

    private void check(Context ctx) {
        FlowId id = id(ctx);
        JsonNode body = reader.jsonObject(ctx);
        VerificationCode code = VerificationCode.parse(RequestReader.requiredText(body, "code"));
        CheckResult result = service.check(id, code);
        Map<String, Object> answer = view(result.flow());
        answer.put("outcome", result.outcome().name());
        writer.write(ctx, 200, answer);
    }

    /** A malformed id is refused by {@link FlowId}'s constructor and answered as not found. */
    static FlowId id(Context ctx) {
        return new FlowId(ctx.pathParam("id"));
    }

    /** The resource's shape; the number is left out, since the caller already has it. */
    static Map<String, Object> view(VerificationFlow flow) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", flow.id().value());
        view.put("state", flow.state().name());
        view.put("channel", flow.channel().name());
        view.put("attemptsRemaining", flow.attemptsRemaining());
        view.put("expiresAt", flow.expiresAt().toString());
        return view;
    }
}
