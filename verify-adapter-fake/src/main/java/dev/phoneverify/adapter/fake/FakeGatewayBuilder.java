package dev.phoneverify.adapter.fake;

import dev.phoneverify.adapter.fake.V2ProfileRules.V2Settings;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.vonage.model.V1Timings;
import dev.phoneverify.vonage.model.V1Workflow;
import dev.phoneverify.vonage.model.V2Rules;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Configures a {@link FakeVerificationGateway} of one {@link FakeProfile}; every setting has Vonage's default. A
 * setting of the other profile (a v1 {@code pin_expiry} on a v2 builder, say) is refused at once.
 */
public final class FakeGatewayBuilder {
    private static final int V1_MAX_CODE_LENGTH = 6;

    private final FakeProfile profile;
    private FakeClock clock = new FakeClock();
    private int maxWrongCodes = FakeVerificationGateway.DEFAULT_MAX_WRONG_CODES;
    private Duration retention = FakeVerificationGateway.DEFAULT_RETENTION;
    private Optional<Long> codeSeed = Optional.empty();
    private final Map<PhoneNumber, String> fixedCodes = new HashMap<>();
    private V1Timings timings = V1Timings.defaults();
    private Workflow v2Workflow = Workflow.of(Channel.SMS, Channel.VOICE);
    private Duration channelTimeout = V2Rules.DEFAULT_CHANNEL_TIMEOUT;
    private Optional<String> whatsAppSender = Optional.empty();
    private boolean cancelRule;
    private boolean acceptEarlierCodes;
    private Duration busyAfterCancel = Duration.ZERO;
    private Consumer<? super ProviderUpdate> sink;

    FakeGatewayBuilder(FakeProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** The clock the fake reads; a fixed {@link FakeClock} at {@link FakeClock#DEFAULT_START} by default. */
    public FakeGatewayBuilder clock(FakeClock newClock) {
        this.clock = Objects.requireNonNull(newClock, "clock");
        return this;
    }

    /** Wrong codes that end a request (v1: per PIN); default 3. */
    public FakeGatewayBuilder maxWrongCodes(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxWrongCodes is at least 1, was " + limit);
        }
        this.maxWrongCodes = limit;
        return this;
    }

    /** Codes from a generator seeded with {@code seed}, so a test sees the same codes on every run. */
    public FakeGatewayBuilder codeSeed(long seed) {
        this.codeSeed = Optional.of(seed);
        return this;
    }

    /** Every code sent to {@code number} is {@code code}: 4 to 6 digits on v1, 4 to 10 on v2. */
    public FakeGatewayBuilder fixedCode(PhoneNumber number, String code) {
        fixedCodes.put(Objects.requireNonNull(number, "number"), requireFixedCode(code, maxCodeLength()));
        return this;
    }

    /** How long a finished request is kept for status lookups and the outbox; default 10 minutes. */
    public FakeGatewayBuilder retention(Duration newRetention) {
        Objects.requireNonNull(newRetention, "retention");
        if (newRetention.isNegative()) {
            throw new IllegalArgumentException("retention cannot be negative, was " + newRetention);
        }
        this.retention = newRetention;
        return this;
    }

    /** v1: Vonage's {@code workflow_id}, 1 to 7; default 1 (SMS, voice call, voice call). */
    public FakeGatewayBuilder workflow(int workflowId) {
        requireProfile(FakeProfile.V1, "workflow_id");
        this.timings = timings.withWorkflow(V1Workflow.byId(workflowId));
        return this;
    }

    /** v1: Vonage's {@code pin_expiry}, 60 to 3600 whole seconds; default 300. */
    public FakeGatewayBuilder pinExpiry(Duration pinExpiry) {
        requireProfile(FakeProfile.V1, "pin_expiry");
        this.timings = timings.withPinExpiry(Objects.requireNonNull(pinExpiry, "pinExpiry"));
        return this;
    }

    /** v1: Vonage's {@code next_event_wait}, 60 to 900 whole seconds; by default each workflow's own waits. */
    public FakeGatewayBuilder nextEventWait(Duration nextEventWait) {
        requireProfile(FakeProfile.V1, "next_event_wait");
        this.timings = timings.withNextEventWait(Objects.requireNonNull(nextEventWait, "nextEventWait"));
        return this;
    }

    /** v1: the workflow and timings every start gets unless it brings its own. */
    public FakeGatewayBuilder timings(V1Timings newTimings) {
        requireProfile(FakeProfile.V1, "timings");
        this.timings = Objects.requireNonNull(newTimings, "timings");
        return this;
    }

    /** v2: the workflow a start gets when it asks for none; default SMS, then voice. */
    public FakeGatewayBuilder defaultWorkflow(Workflow workflow) {
        requireProfile(FakeProfile.V2, "defaultWorkflow");
        this.v2Workflow = Objects.requireNonNull(workflow, "workflow");
        return this;
    }

    /** v2: {@code channel_timeout}, how long a step lasts unless it says: 15 to 900 whole seconds, default 180. */
    public FakeGatewayBuilder channelTimeout(Duration timeout) {
        requireProfile(FakeProfile.V2, "channel_timeout");
        if (!V2ProfileRules.isValidStepTimeout(Objects.requireNonNull(timeout, "timeout"))) {
            throw new IllegalArgumentException("channel_timeout is 15 to 900 whole seconds, was " + timeout);
        }
        this.channelTimeout = timeout;
        return this;
    }

    /** v2: the {@code from} of WhatsApp steps, a WhatsApp Business number (1 to 50 characters); no default. */
    public FakeGatewayBuilder whatsAppSender(String from) {
        requireProfile(FakeProfile.V2, "whatsAppSender");
        if (from == null || from.isBlank() || from.length() > V2Rules.MAX_WHATSAPP_FROM_LENGTH) {
            throw new IllegalArgumentException("a WhatsApp sender is 1 to " + V2Rules.MAX_WHATSAPP_FROM_LENGTH
                    + " characters (facts §2.4)");
        }
        this.whatsAppSender = Optional.of(from);
        return this;
    }

    /** v2: cancel only from 30 s and before the second step, as v1 does (the option of facts §2.6); default off. */
    public FakeGatewayBuilder cancelOnlyFromThirtySeconds() {
        requireProfile(FakeProfile.V2, "cancelOnlyFromThirtySeconds");
        this.cancelRule = true;
        return this;
    }

    /** v2: a code of an earlier step still verifies the request (facts §2.6 leaves it open); default off. */
    public FakeGatewayBuilder acceptEarlierCodes() {
        requireProfile(FakeProfile.V2, "acceptEarlierCodes");
        this.acceptEarlierCodes = true;
        return this;
    }

    /**
     * v2: after a cancel, a new start to one of the request's addresses still gets 409 (concurrent, with the
     * cancelled request's id) for {@code hold}, as the real service did for about a dozen seconds (facts §2.6
     * Concurrency, node-sdk#1036); default zero: the address is free at once.
     */
    public FakeGatewayBuilder busyAfterCancel(Duration hold) {
        requireProfile(FakeProfile.V2, "busyAfterCancel");
        if (Objects.requireNonNull(hold, "hold").isNegative() || hold.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("busyAfterCancel is zero to one hour, was " + hold);
        }
        this.busyAfterCancel = hold;
        return this;
    }

    /** v2: where status is pushed; the same as {@link FakeVerificationGateway#pushStatusTo} after building. */
    public FakeGatewayBuilder pushStatusTo(Consumer<? super ProviderUpdate> statusSink) {
        requireProfile(FakeProfile.V2, "pushStatusTo");
        this.sink = Objects.requireNonNull(statusSink, "sink");
        return this;
    }

    /**
     * The fake.
     *
     * @throws IllegalStateException a v2 default workflow has a WhatsApp step and no sender is set
     */
    public FakeVerificationGateway build() {
        ProfileRules rules = switch (profile) {
            case V1 -> new V1ProfileRules(timings);
            case V2 -> {
                if (v2Workflow.channels().contains(Channel.WHATSAPP) && whatsAppSender.isEmpty()) {
                    throw new IllegalStateException("the default workflow has a WhatsApp step: set whatsAppSender");
                }
                yield new V2ProfileRules(new V2Settings(v2Workflow, channelTimeout, whatsAppSender, cancelRule,
                        acceptEarlierCodes, busyAfterCancel));
            }
        };
        Simulator simulator = new Simulator(rules, clock, maxWrongCodes, retention,
                new CodeSource(codeSeed, Collections.unmodifiableMap(fixedCodes)));
        if (sink != null) {
            simulator.push().sendTo(sink);
        }
        return new FakeVerificationGateway(simulator, clock);
    }

    /** {@code code} if it is a code this profile could send: digits, 4 up to the longest it sends. */
    static String requireFixedCode(String code, GatewayCapabilities capabilities) {
        return requireFixedCode(code, capabilities.codeLengths().stream().max(Integer::compare).orElseThrow());
    }

    private static String requireFixedCode(String code, int maxLength) {
        if (code == null || !code.matches("[0-9]{4," + maxLength + "}")) {
            throw new IllegalArgumentException("a fixed code has 4 to " + maxLength
                    + " digits, like the codes Vonage sends");
        }
        return code;
    }

    private int maxCodeLength() {
        return switch (profile) {
            case V1 -> V1_MAX_CODE_LENGTH;
            case V2 -> V2Rules.MAX_CODE_LENGTH;
        };
    }

    private void requireProfile(FakeProfile expected, String setting) {
        if (profile != expected) {
            throw new IllegalStateException(setting + " is a Verify " + expected + " setting; this builder makes a "
                    + profile + " fake");
        }
    }
}
