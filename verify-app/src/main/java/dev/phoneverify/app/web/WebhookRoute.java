package dev.phoneverify.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST <path>}: where Vonage Verify v2 posts its signed callbacks. The one POST without a CSRF token: the
 * caller is Vonage's server, and the token it signs with the signature secret is what proves it. The body is
 * handed over byte for byte, since the signature covers those bytes; the app's body size limit applies.
 *
 * @param path   the route, such as {@code /webhooks/vonage/verify}
 * @param intake checks the signature and applies the callback: the provider adapter's intake, as the wiring
 *               adapts it (the web layer knows no adapter)
 */
public record WebhookRoute(String path, Intake intake) {
    public WebhookRoute {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(intake, "intake");
    }

    /** Receives one callback: the {@code Authorization} header, if sent, and the exact body. */
    @FunctionalInterface
    public interface Intake {
        Answer receive(Optional<String> authorization, byte[] body);
    }

    /**
     * What the route answers.
     *
     * @param contentType the body's media type; empty for an answer with no body
     * @param retryAfter  seconds, sent as {@code Retry-After} when present
     */
    public record Answer(int status, Optional<String> contentType, String body, Optional<Integer> retryAfter) {
        public Answer {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    void register(Javalin app) {
        app.post(path, this::receive);
    }

    private void receive(Context ctx) {
        Answer answer = intake.receive(Optional.ofNullable(ctx.header("Authorization")), ctx.bodyAsBytes());
        ctx.status(answer.status());
        answer.retryAfter().ifPresent(seconds -> ctx.header("Retry-After", Integer.toString(seconds)));
        answer.contentType().ifPresentOrElse(type -> ctx.contentType(type).result(answer.body()),
                () -> ctx.result(""));
    }
}
