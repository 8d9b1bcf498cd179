package dev.phoneverify.spring;

import dev.phoneverify.adapter.vonage.webhook.VonageVerifyWebhook;
import dev.phoneverify.adapter.vonage.webhook.WebhookAnswer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adapter: where Vonage Verify v2 posts its signed callbacks, on Spring MVC. The signature, the body's hash, the
 * token's age and issuer, replays and the effect on the flow are all {@link VonageVerifyWebhook}'s, the same
 * intake the Guice app serves; this class only hands it the header and the exact bytes received.
 */
@RestController
public class VonageWebhookController {
    /** The path when {@code phoneverify.web.webhook-path} is not set. */
    public static final String DEFAULT_PATH = "/webhooks/vonage/verify";

    private final VonageVerifyWebhook intake;
    private final int maxBodyBytes;

    /** @param maxBodyBytes a longer body is not read further; the intake answers it 413 */
    public VonageWebhookController(VonageVerifyWebhook intake, int maxBodyBytes) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.maxBodyBytes = maxBodyBytes;
    }

    @PostMapping("${phoneverify.web.webhook-path:" + DEFAULT_PATH + "}")
    public ResponseEntity<byte[]> receive(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // One byte past the limit is enough for the intake to tell a body that is too big.
            body = in.readNBytes(maxBodyBytes + 1);
        }
        WebhookAnswer answer = intake.receive(Optional.ofNullable(request.getHeader(HttpHeaders.AUTHORIZATION)), body);
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.status());
        answer.retryAfter().ifPresent(seconds -> reply.header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds)));
        return answer.contentType()
                .map(type -> reply.header(HttpHeaders.CONTENT_TYPE, type)
                        .body(answer.body().getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> reply.body(new byte[0]));
    }
}
