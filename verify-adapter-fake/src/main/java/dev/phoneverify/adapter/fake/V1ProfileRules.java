package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.vonage.model.V1Event;
import dev.phoneverify.vonage.model.V1Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Verify v1's rules (facts §1.2-1.6), with the workflows and timings of {@link V1Timings}: a step per workflow
 * event, each lasting the timings' wait; a new PIN only once {@code pin_expiry} has passed, with fresh attempts;
 * cancel from 30 s and before the second event; 32-hex request ids.
 */
final class V1ProfileRules implements ProfileRules {
    /** Vonage refuses a cancel in the first 30 seconds (facts §1.6 Cancel). */
    static final Duration CANCEL_NOT_BEFORE = Duration.ofSeconds(30);

    private final V1Timings defaultTimings;
    private final GatewayCapabilities capabilities;
    /** The plans of starts without timings of their own, per code length: one shared value, not one per request. */
    private final Map<Integer, Plan> defaultPlans;

    V1ProfileRules(V1Timings defaultTimings) {
        this.defaultTimings = defaultTimings;
        this.capabilities = new GatewayCapabilities(Set.of(Channel.SMS, Channel.VOICE), Set.of(4, 6),
                workflowOf(defaultTimings), false, Optional.empty(), false, false, true, false,
                new CancelConstraints(true, CANCEL_NOT_BEFORE, true), true);
        this.defaultPlans = Map.of(4, planOf(defaultTimings, 4), 6, planOf(defaultTimings, 6));
    }

    /** The port's workflow for v1 timings: SMS events are SMS steps, TTS events voice steps. */
    static Workflow workflowOf(V1Timings timings) {
        return Workflow.of(timings.workflow().events().stream().map(V1ProfileRules::channelOf).toArray(Channel[]::new));
    }

    static Channel channelOf(V1Event event) {
        return switch (event) {
            case SMS -> Channel.SMS;
            case TTS -> Channel.VOICE;
        };
    }

    @Override
    public Optional<V1Timings> defaultTimings() {
        return Optional.of(defaultTimings);
    }

    @Override
    public FakeProfile profile() {
        return FakeProfile.V1;
    }

    @Override
    public GatewayCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public PlannedStart plan(StartRequest request, Optional<V1Timings> requested) {
        V1Timings timings = requested.orElse(defaultTimings);
        Workflow workflow = workflowOf(timings);
        if (!request.workflow().channels().equals(workflow.channels()) || request.workflow().hasStepTimeouts()) {
            throw new IllegalArgumentException("this v1 fake runs workflow " + timings.workflow().id() + " ("
                    + workflow + "), not " + request.workflow() + "; choose another with the builder's workflow(id)"
                    + " or start(request, timings)");
        }
        if (!capabilities.codeLengths().contains(request.codeLength())) {
            throw new IllegalArgumentException("Verify v1 sends 4 or 6 digits, not " + request.codeLength());
        }
        if (request.customCode().isPresent() || request.clientReference().isPresent()) {
            throw new IllegalArgumentException("Verify v1 takes neither a custom code nor a client reference");
        }
        return PlannedStart.toNumber(request.number(), request.brand(), requested.isEmpty()
                ? defaultPlans.get(request.codeLength()) : planOf(timings, request.codeLength()));
    }

    private static Plan planOf(V1Timings timings, int codeLength) {
        List<Duration> waits = IntStream.range(0, timings.workflow().eventCount()).mapToObj(timings::waitAfter).toList();
        return new Plan(workflowOf(timings).channels(), waits, codeLength, Optional.empty(),
                Optional.of(timings.effectivePinExpiry()));
    }

    @Override
    public RequestId requestId(byte[] random) {
        return new RequestId(HexFormat.of().formatHex(random));
    }

    @Override
    public boolean freshAttemptsWithNewCode() {
        return true;
    }

    @Override
    public boolean acceptsEarlierCodes() {
        return false;
    }

    @Override
    public Optional<CancelOutcome.Reason> cancelRefusal(SimulatedRequest request, Instant now) {
        return ProfileRules.vonageCancelRule(request, now, CANCEL_NOT_BEFORE);
    }

    @Override
    public String render(Channel channel, Brand brand, String code) {
        return MessageText.v1(channel, brand, code);
    }

    /** Vonage v1's status 1 comes with no {@code Retry-After}. */
    @Override
    public Optional<Duration> throttleRetryAfter() {
        return Optional.empty();
    }
}
