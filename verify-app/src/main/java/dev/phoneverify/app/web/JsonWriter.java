package dev.phoneverify.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/** Writes JSON answers and problems, so every handler sets status, media type and headers the same way. */
final class JsonWriter {
    private static final String PROBLEM_WRITTEN = JsonWriter.class.getName() + ".problem";

    private final ObjectMapper json;

    JsonWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(serialize(body));
    }

    void problem(Context ctx, Problem problem) {
        problem.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(Problems.seconds(wait))));
        ctx.attribute(PROBLEM_WRITTEN, Boolean.TRUE);
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(serialize(problem.body()));
    }

    /** True once a handler answered with a problem, so the status-code handlers leave it alone. */
    static boolean problemWritten(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(PROBLEM_WRITTEN));
    }

    private String serialize(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
