package dev.phoneverify.app.web;

import dev.phoneverify.adapter.vonage.webhook.VonageVerifyWebhook;
import dev.phoneverify.adapter.vonage.webhook.WebhookAnswer;
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
 * @param intake checks the signature and applies the callback
 */
public record WebhookRoute(String path, VonageVerifyWebhook intake) {
    public WebhookRoute {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(intake, "intake");
    }

    void register(Javalin app) {
        app.post(path, this::receive);
    }

    private void receive(Context ctx) {
        WebhookAnswer answer = intake.receive(Optional.ofNullable(ctx.header("Authorization")), ctx.bodyAsBytes());
        ctx.status(answer.status());
        answer.retryAfter().ifPresent(seconds -> ctx.header("Retry-After", Integer.toString(seconds)));
        answer.contentType().ifPresentOrElse(type -> ctx.contentType(type).result(answer.body()),
                () -> ctx.result(""));
    }
}
