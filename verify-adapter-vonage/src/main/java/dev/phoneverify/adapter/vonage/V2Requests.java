package dev.phoneverify.adapter.vonage;

import com.vonage.client.verify2.EmailWorkflow;
import com.vonage.client.verify2.SmsWorkflow;
import com.vonage.client.verify2.VerificationRequest;
import com.vonage.client.verify2.VoiceWorkflow;
import com.vonage.client.verify2.WhatsappWorkflow;
import com.vonage.client.verify2.Workflow;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.WorkflowStep;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.vonage.model.V2Rules;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a port start into the SDK's Verify v2 request.
 *
 * <p><b>Step timeouts.</b> The port lets each step name its own timeout; v2 has one {@code channel_timeout} per
 * request, applied to every step. The request's timeout is the first one a step names, in step order, and every
 * step lasts that long; when no step names one, none is sent and Vonage's default (180 s) applies. The plan the
 * adapter reports from (request end, next channel) uses the same value, so the flow's clock matches Vonage's.
 */
final class V2Requests {
    private final VonageV2Config config;
    private final GatewayCapabilities capabilities;

    V2Requests(VonageV2Config config, GatewayCapabilities capabilities) {
        this.config = config;
        this.capabilities = capabilities;
    }

    /**
     * Refuses what the capabilities leave out (a caller bug) and a client reference v2 would refuse (user input:
     * v2 takes only letters and digits, facts 2.3).
     */
    void requireFit(StartRequest request) {
        if (!capabilities.channels().containsAll(request.workflow().channels())) {
            throw new IllegalArgumentException("this Vonage v2 gateway sends on " + capabilities.channels()
                    + ", not on every channel of " + request.workflow());
        }
        if (!capabilities.codeLengths().contains(request.codeLength())) {
            throw new IllegalArgumentException("Vonage v2 sends codes of 4 to 10 digits, not " + request.codeLength());
        }
        for (WorkflowStep step : request.workflow().steps()) {
            if (step.timeout().filter(timeout -> !V2Rules.isValidChannelTimeout(timeout)).isPresent()) {
                throw new IllegalArgumentException("a Vonage v2 step lasts 15 to 900 s, not " + step.timeout().get());
            }
        }
        request.clientReference().ifPresent(reference -> {
            if (!V2Rules.CLIENT_REF.matcher(reference.value()).matches()) {
                throw new InvalidInputException(InvalidInputException.Field.CLIENT_REFERENCE,
                        "Vonage Verify v2 takes a client reference of 1 to 40 letters or digits");
            }
        });
    }

    /** The one {@code channel_timeout} of the request, when a step names one. */
    static Optional<Duration> channelTimeout(StartRequest request) {
        return request.workflow().steps().stream().flatMap(step -> step.timeout().stream()).findFirst();
    }

    /** The steps the request will go through, and how long each lasts. */
    static V2Plan planOf(StartRequest request) {
        return new V2Plan(request.workflow().channels(),
                channelTimeout(request).map(V2Requests::wholeSeconds).orElse(V2Rules.DEFAULT_CHANNEL_TIMEOUT));
    }

    /**
     * The SDK's request.
     *
     * @throws IllegalArgumentException the SDK refuses the number (its E.164 check)
     */
    VerificationRequest toSdk(StartRequest request) {
        VerificationRequest.Builder builder = VerificationRequest.builder().brand(request.brand().value());
        // A custom code sets its own length; the SDK refuses a code_length that differs from it.
        request.customCode().ifPresentOrElse(code -> builder.code(code.value()),
                () -> builder.codeLength(request.codeLength()));
        channelTimeout(request).ifPresent(timeout -> builder.channelTimeout(
                Math.toIntExact(wholeSeconds(timeout).getSeconds())));
        request.clientReference().ifPresent(reference -> builder.clientRef(reference.value()));
        request.locale().ifPresent(builder::locale);
        for (Channel channel : request.workflow().channels()) {
            builder.addWorkflow(step(channel, request));
        }
        return builder.build();
    }

    private Workflow step(Channel channel, StartRequest request) {
        String number = request.number().digits();
        return switch (channel) {
            case SMS -> new SmsWorkflow(number);
            case VOICE -> new VoiceWorkflow(number);
            case WHATSAPP -> new WhatsappWorkflow(number, config.whatsappFrom().orElseThrow(
                    () -> new IllegalArgumentException("no WhatsApp sender is configured (whatsappFrom)")));
            case EMAIL -> {
                String to = request.email().orElseThrow().value();
                yield config.emailFrom().map(from -> new EmailWorkflow(to, from.value()))
                        .orElseGet(() -> new EmailWorkflow(to));
            }
        };
    }

    private static Duration wholeSeconds(Duration timeout) {
        return Duration.ofSeconds(timeout.getSeconds());
    }
}
