package dev.phoneverify.spring;

import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.api.DevResources;
import dev.phoneverify.api.JsonBodies;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.usecase.FindVerification;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adapter: the fake gateway's dev endpoints, {@code GET /api/dev/outbox} and {@code POST /api/dev/clock}, as the
 * Guice app serves them. The starter registers it only when the gateway is the fake.
 */
@RestController
public class DevController {
    /** How many due flows one clock move expires at once, as in the Guice app. */
    private static final int EXPIRY_BATCH = 1000;

    private final FakeVerificationGateway fake;
    private final FindVerification finds;

    public DevController(FakeVerificationGateway fake, FindVerification finds) {
        this.fake = Objects.requireNonNull(fake, "fake");
        this.finds = Objects.requireNonNull(finds, "finds");
    }

    @GetMapping(DevResources.OUTBOX)
    public ResponseEntity<byte[]> outbox(@RequestParam(name = "number", required = false) String number) {
        List<DeliveredMessage> delivered = number == null || number.isBlank() ? fake.outbox()
                : fake.outboxFor(PhoneNumber.parse(number));
        List<Map<String, Object>> messages = delivered.stream()
                .map(message -> DevResources.outboxMessage(message.number(), message.channel(), message.code(),
                        message.text(), message.sentAt()))
                .toList();
        return Answers.json(200, messages);
    }

    @PostMapping(DevResources.CLOCK)
    public ResponseEntity<byte[]> advanceClock(HttpServletRequest request) throws IOException {
        Instant now = fake.clock().advance(DevResources.advance(
                JsonBodies.object(request.getContentType(), Answers.body(request)))).instant();
        finds.expireDue(EXPIRY_BATCH);
        return Answers.json(200, DevResources.clock(now));
    }
}
