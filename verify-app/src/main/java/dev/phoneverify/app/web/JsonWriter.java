package dev.phoneverify.app.web;

import dev.phoneverify.api.ApiAnswer;
import dev.phoneverify.api.ApiJson;
import dev.phoneverify.api.Problem;
import io.javalin.http.Context;

/** Writes JSON answers and problems, so every handler sets status, media type and headers the same way. */
final class JsonWriter {
    private static final String PROBLEM_WRITTEN = JsonWriter.class.getName() + ".problem";

    void write(Context ctx, int status, Object body) {
        answer(ctx, ApiAnswer.json(status, body));
    }

    /** One answer of the JSON API ({@link dev.phoneverify.api.VerificationApi}), as it was made. */
    void answer(Context ctx, ApiAnswer answer) {
        answer.headers().forEach(ctx::header);
        if (answer.isProblem()) {
            ctx.attribute(PROBLEM_WRITTEN, Boolean.TRUE);
        }
        ctx.status(answer.status()).contentType(answer.mediaType()).result(ApiJson.write(answer.body()));
    }

    void problem(Context ctx, Problem problem) {
        answer(ctx, ApiAnswer.problem(problem));
    }

    /** True once a handler answered with a problem, so the status-code handlers leave it alone. */
    static boolean problemWritten(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(PROBLEM_WRITTEN));
    }
}
