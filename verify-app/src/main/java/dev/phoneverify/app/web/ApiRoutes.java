package dev.phoneverify.app.web;

import dev.phoneverify.api.IdempotencyKeyHeader;
import dev.phoneverify.api.VerificationApi;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.usecase.StartCommand;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.Optional;

/**
 * The JSON API on Javalin: one resource per verification, commands as sub-resources. What each answer is comes
 * from {@link VerificationApi}, shared with the Spring Boot starter; only the failures that stay exceptions reach
 * the server's exception handlers.
 */
final class ApiRoutes {
    static final String BASE = VerificationApi.BASE;

    private final UseCases useCases;
    private final VerificationApi api;
    private final RequestReader reader;
    private final JsonWriter writer;

    ApiRoutes(UseCases useCases, VerificationApi api, RequestReader reader, JsonWriter writer) {
        this.useCases = useCases;
        this.api = api;
        this.reader = reader;
        this.writer = writer;
    }

    void register(Javalin app) {
        app.post(BASE, this::start);
        app.get(BASE + "/{id}", this::show);
        app.post(BASE + "/{id}/check", this::check);
        app.post(BASE + "/{id}/cancel", ctx -> writer.answer(ctx, api.cancelled(useCases.cancels().cancel(id(ctx)))));
        app.post(BASE + "/{id}/next", ctx -> writer.answer(ctx, api.advanced(useCases.nextSteps().next(id(ctx)))));
    }

    private void start(Context ctx) {
        Optional<IdempotencyKey> key = IdempotencyKeyHeader.parse(
                Collections.list(ctx.req().getHeaders(IdempotencyKeyHeader.HEADER)));
        StartCommand command = api.startCommand(reader.jsonObject(ctx), ClientKeys.of(ctx));
        writer.answer(ctx, api.started(useCases.starts().start(key.map(command::withIdempotencyKey).orElse(command))));
    }

    private void show(Context ctx) {
        FlowId id = id(ctx);
        writer.answer(ctx, api.found(id, useCases.finds().find(id)));
    }

    private void check(Context ctx) {
        FlowId id = id(ctx);
        writer.answer(ctx, api.checked(useCases.checks().check(api.checkCommand(id, reader.jsonObject(ctx)))));
    }

    /** A malformed id is refused by {@link FlowId}'s constructor and answered as not found. */
    static FlowId id(Context ctx) {
        return VerificationApi.flowId(ctx.pathParam("id"));
    }
}
