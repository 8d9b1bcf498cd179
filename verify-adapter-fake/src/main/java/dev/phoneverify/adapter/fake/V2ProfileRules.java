package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.domain.WorkflowStep;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.GatewayCapabilities.StepTimeoutRange;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.vonage.model.V1Timings;
import dev.phoneverify.vonage.model.V2Rules;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Verify v2's rules (facts §2.3-2.6), with the constraints of {@link V2Rules}: one to three steps on SMS, voice,
 * WhatsApp or email, each lasting its own timeout or {@code channel_timeout}; a new code on every step unless the
 * caller gave one; wrong codes counted per request; cancel at any time while in progress unless the 30 s rule is
 * on; UUID request ids.
 */
final class V2ProfileRules implements ProfileRules {
    /** A throttled v2 call is a 429; Vonage's {@code Retry-After} is not documented, so the fake says one second. */
    static final Duration THROTTLE_RETRY_AFTER = Duration.ofSeconds(1);

    private final V2Settings settings;
    private final GatewayCapabilities capabilities;

    /**
     * The v2 profile's own settings.
     *
     * @param channelTimeout     how long a step lasts when it does not say (facts §2.3, default 180 s)
     * @param whatsAppSender     the {@code from} of WhatsApp steps, which v2 requires (facts §2.4)
     * @param cancelRule         true: cancel only from 30 s and before the second step, the option of facts §2.6
     * @param acceptEarlierCodes true: a code of an earlier step still verifies (facts §2.6 leaves it open)
     * @param busyAfterCancel    how long a cancelled request's addresses still answer 409 to a new start, as the
     *                           real service did for about a dozen seconds (facts §2.6 Concurrency); zero: none
     */
    record V2Settings(Workflow defaultWorkflow, Duration channelTimeout, Optional<String> whatsAppSender,
                      boolean cancelRule, boolean acceptEarlierCodes, Duration busyAfterCancel) {
    }

    V2ProfileRules(V2Settings settings) {
        this.settings = settings;
        CancelConstraints cancel = settings.cancelRule()
                ? new CancelConstraints(true, V2Rules.CANCEL_NOT_BEFORE, true) : CancelConstraints.anyTime();
        this.capabilities = new GatewayCapabilities(EnumSet.allOf(Channel.class),
                Set.copyOf(IntStream.rangeClosed(V2Rules.MIN_CODE_LENGTH, V2Rules.MAX_CODE_LENGTH).boxed().toList()),
                settings.defaultWorkflow(), true,
                Optional.of(new StepTimeoutRange(V2Rules.MIN_CHANNEL_TIMEOUT, V2Rules.MAX_CHANNEL_TIMEOUT)),
                true, true, false, true, cancel, true, CodeAlphabet.LETTERS_AND_DIGITS);
    }

    /** True when {@code timeout} is a whole number of seconds within v2's {@code channel_timeout} range. */
    static boolean isValidStepTimeout(Duration timeout) {
        return timeout.getNano() == 0 && V2Rules.isValidChannelTimeout(timeout);
    }

    @Override
    public FakeProfile profile() {
        return FakeProfile.V2;
    }

    @Override
    public GatewayCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public Optional<V1Timings> defaultTimings() {
        return Optional.empty();
    }

    @Override
    public PlannedStart plan(StartRequest request, Optional<V1Timings> timings) {
        if (timings.isPresent()) {
            throw new IllegalArgumentException("v1 timings do not apply to a v2 fake");
        }
        if (request.workflow().steps().stream().map(WorkflowStep::timeout).flatMap(Optional::stream)
                .anyMatch(timeout -> !isValidStepTimeout(timeout))) {
            throw new IllegalArgumentException("a v2 step lasts 15 to 900 whole seconds (facts §2.3 channel_timeout)");
        }
        PlannedStart planned = plan(V2Start.of(request));
        return new PlannedStart(Optional.of(request.number()), planned.brand(), planned.to(), planned.plan());
    }

    /** A start as the wire gives it; every rule of facts §2.3-2.4 it breaks is a 422. */
    PlannedStart plan(V2Start start) {
        requireAccepted(V2Rules.BRAND.matcher(start.brand().value()).matches(), "brand",
                "a brand is 1 to 18 characters without / { } : $ (facts §2.3)");
        requireAccepted(start.steps().size() <= V2Rules.MAX_STEPS, "workflow", "a workflow has 1 to 3 steps");
        requireAccepted(start.codeLength() >= V2Rules.MIN_CODE_LENGTH && start.codeLength() <= V2Rules.MAX_CODE_LENGTH,
                "code_length", "codes are 4 to 10 long (facts §2.3)");
        requireAccepted(start.clientReference().filter(ref -> !V2Rules.CLIENT_REF.matcher(ref.value()).matches())
                .isEmpty(), "client_ref", "a client_ref is 1 to 40 letters or digits (facts §2.3)");
        requireAccepted(start.customCode().map(VerificationCode::value)
                .filter(code -> !V2Rules.CUSTOM_CODE.matcher(code).matches()).isEmpty(), "code",
                "a custom code is 4 to 10 letters or digits (facts §2.3)");
        for (V2Start.Step step : start.steps()) {
            requireAccepted(step.timeout().filter(timeout -> !isValidStepTimeout(timeout)).isEmpty(),
                    "channel_timeout", "a step lasts 15 to 900 whole seconds (facts §2.3)");
            requireAccepted(step.channel() == Channel.EMAIL ? isEmailAddress(step.to())
                    : V2Rules.PHONE_NUMBER.matcher(step.to()).matches(), "workflow[].to",
                    "'to' is E.164 digits without + or 00, or an email address on an email step (facts §2.4)");
            requireAccepted(step.channel() != Channel.WHATSAPP || step.from().isPresent()
                    || settings.whatsAppSender().isPresent(), "workflow[].from",
                    "a WhatsApp step needs a sender: give 'from' or set the fake's whatsAppSender (facts §2.4)");
        }
        List<Duration> waits = start.steps().stream()
                .map(step -> step.timeout().orElse(settings.channelTimeout())).toList();
        Plan plan = new Plan(start.steps().stream().map(V2Start.Step::channel).toList(), waits,
                start.customCode().map(VerificationCode::length).orElse(start.codeLength()),
                start.customCode().map(VerificationCode::value), Optional.empty());
        return new PlannedStart(start.firstNumber(), start.brand(),
                start.steps().stream().map(V2Start.Step::to).toList(), plan);
    }

    private static boolean isEmailAddress(String to) {
        try {
            EmailAddress.parse(to);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What Vonage answers with 422 and no retry mends: the caller's configuration or input is wrong. */
    private static void requireAccepted(boolean accepted, String field, String reason) {
        if (!accepted) {
            throw new GatewayException(GatewayException.Reason.MISCONFIGURED,
                    "Vonage v2 refuses " + field + " (422 invalid params): " + reason);
        }
    }

    /** A version-4 UUID, as v2 gives (facts §2.1). */
    @Override
    public RequestId requestId(byte[] random) {
        ByteBuffer bytes = ByteBuffer.wrap(random);
        long high = (bytes.getLong() & ~0xF000L) | 0x4000L;
        long low = (bytes.getLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new RequestId(new UUID(high, low).toString());
    }

    /** Facts §2.6 says a request takes three wrong codes; a new step's code does not reset the count. */
    @Override
    public boolean freshAttemptsWithNewCode() {
        return false;
    }

    @Override
    public boolean acceptsEarlierCodes() {
        return settings.acceptEarlierCodes();
    }

    @Override
    public Optional<CancelOutcome.Reason> cancelRefusal(SimulatedRequest request, Instant now) {
        return settings.cancelRule()
                ? ProfileRules.vonageCancelRule(request, now, V2Rules.CANCEL_NOT_BEFORE) : Optional.empty();
    }

    @Override
    public String render(Channel channel, Brand brand, String code) {
        return MessageText.v2(channel, brand, code);
    }

    @Override
    public Duration busyAfterCancel() {
        return settings.busyAfterCancel();
    }

    @Override
    public Optional<Duration> throttleRetryAfter() {
        return Optional.of(THROTTLE_RETRY_AFTER);
    }
}
