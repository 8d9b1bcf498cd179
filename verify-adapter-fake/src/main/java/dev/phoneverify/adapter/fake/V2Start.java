package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.WorkflowStep;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Verify v2 start as the wire gives it, each step with its own {@code to} (facts §2.3-2.4): steps may go to
 * different numbers, or only to email addresses, which the core's {@link StartRequest} (one number per start)
 * cannot say. The emulator starts v2 requests this way; {@link FakeVerificationGateway#start(V2Start)} runs it.
 *
 * @param codeLength digits of the codes the fake generates, 4 to 10 (a custom code brings its own length)
 * @param customCode the caller's own code: 4 to 10 letters or digits, checked case for case
 */
public record V2Start(Brand brand, List<Step> steps, int codeLength, Optional<VerificationCode> customCode,
                      Optional<ClientReference> clientReference, Optional<Locale> locale) {

    /**
     * One step of the workflow.
     *
     * @param to      E.164 digits without {@code +} for SMS, voice and WhatsApp; an email address for email
     * @param from    the sender; required on WhatsApp unless the fake has a {@code whatsAppSender}
     * @param timeout how long the step lasts; empty: the fake's {@code channel_timeout}
     */
    public record Step(Channel channel, String to, Optional<String> from, Optional<Duration> timeout) {
        public Step {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(timeout, "timeout");
        }

        /** A step on {@code channel} to {@code to}, with no sender of its own and the default timeout. */
        public static Step of(Channel channel, String to) {
            return new Step(channel, to, Optional.empty(), Optional.empty());
        }
    }

    public V2Start {
        Objects.requireNonNull(brand, "brand");
        steps = List.copyOf(steps);
        Objects.requireNonNull(customCode, "customCode");
        Objects.requireNonNull(clientReference, "clientReference");
        Objects.requireNonNull(locale, "locale");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a v2 workflow has at least one step");
        }
    }

    /** A start with only a brand and steps: 4-digit codes, nothing else. */
    public static V2Start of(Brand brand, Step... steps) {
        return new V2Start(brand, List.of(steps), 4, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same start with the caller's own code. */
    public V2Start withCustomCode(VerificationCode code) {
        return new V2Start(brand, steps, code.length(), Optional.of(code), clientReference, locale);
    }

    /** The core's start as v2 sends it: email steps to the start's address, every other step to its number. */
    static V2Start of(StartRequest request) {
        List<Step> steps = request.workflow().steps().stream().map(step -> new Step(step.channel(),
                addressOf(step, request), Optional.empty(), step.timeout())).toList();
        return new V2Start(request.brand(), steps, request.codeLength(), request.customCode(),
                request.clientReference(), request.locale());
    }

    private static String addressOf(WorkflowStep step, StartRequest request) {
        return step.channel() == Channel.EMAIL ? request.email().orElseThrow().value() : request.number().digits();
    }

    /** The number of the first step that goes to a phone, if any: fixed codes and number rules are read by it. */
    Optional<PhoneNumber> firstNumber() {
        return steps.stream().filter(step -> step.channel() != Channel.EMAIL).findFirst()
                .map(step -> PhoneNumber.parse(step.to()));
    }
}
