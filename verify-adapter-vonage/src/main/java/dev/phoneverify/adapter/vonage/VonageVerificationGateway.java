package dev.phoneverify.adapter.vonage;

import com.vonage.client.verify.CheckResponse;
import com.vonage.client.verify.ControlResponse;
import com.vonage.client.verify.SearchVerifyResponse;
import com.vonage.client.verify.VerifyClient;
import com.vonage.client.verify.VerifyDetails;
import com.vonage.client.verify.VerifyException;
import com.vonage.client.verify.VerifyRequest;
import com.vonage.client.verify.VerifyResponse;
import com.vonage.client.verify.VerifyStatus;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.GatewayException.Reason;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartOutcome.RejectionReason;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Adapter: the {@link VerificationGateway} port over Vonage Verify v1 through the official Java SDK 9.3.1.
 *
 * <p>One SDK client is built from the {@link VonageConfig} and shared by all calls. Statuses are translated by
 * {@link VonageStatusMapping}, SDK exceptions by {@link VonageFailures}; numbers go out as E.164 digits without
 * {@code +}. Every request follows the configured {@link VonageConfig#timings()}: v1 has no per-request workflow,
 * so the capabilities offer that one workflow only.
 *
 * <p>Vonage does not say which channel a "next step" moved to, when a request ends, or whether a refused cancel
 * came too early or too late. The adapter works these out from the model's timings and a small bounded memory of
 * the requests it started (time comes from the configured clock). For a request it did not start (another instance,
 * a restart) it assumes the request was on its first step and answers an unexplained cancel refusal as
 * {@code UNSPECIFIED}.
 *
 * <p>Logs one line per call (see {@link CallLog}); never the secret or a code. See {@link SdkLogGuard} for the
 * SDK's own logging.
 */
public final class VonageVerificationGateway implements VerificationGateway {
    private static final System.Logger LOG = System.getLogger(VonageVerificationGateway.class.getName());
    /** Vonage refuses a cancel within this time from the start, and after the second event (facts 1.6). */
    private static final CancelConstraints CANCEL = new CancelConstraints(true, Duration.ofSeconds(30), true);
    private static final int DEFAULT_TRACKED_REQUESTS = 10_000;
    /** Vonage v1 sends 4- or 6-digit codes (facts 1.2); the SDK refuses to check anything outside 4 to 6. */
    private static final Set<Integer> CODE_LENGTHS = Set.of(4, 6);
    private static final int MIN_CHECKED_LENGTH = 4;
    private static final int MAX_CHECKED_LENGTH = 6;

    private final VonageConfig config;
    private final V1Plan plan;
    private final V1Requests requests;
    private final GatewayCapabilities capabilities;
    private final RequestTracker tracker;
    private final CallLog calls = new CallLog(LOG, "vonage", VonageFailures::of);
    @SuppressWarnings("deprecation") // Verify v1 is deprecated in the SDK, yet it is the flow this gateway follows.
    private final VerifyClient verify;

    /** Builds the SDK client once; fails with {@link IllegalArgumentException} if the SDK refuses the settings. */
    public VonageVerificationGateway(VonageConfig config) {
        this(config, DEFAULT_TRACKED_REQUESTS);
    }

    VonageVerificationGateway(VonageConfig config, int trackedRequests) {
        this.config = Objects.requireNonNull(config, "config");
        if (!config.sdkWireLogging()) {
            SdkLogGuard.pinWireLoggersToInfo();
        }
        this.plan = new V1Plan(config.timings());
        this.requests = new V1Requests(config, plan, CODE_LENGTHS);
        this.capabilities = new GatewayCapabilities(Set.of(Channel.SMS, Channel.VOICE), CODE_LENGTHS, plan.workflow(),
                false, Optional.empty(), false, false, true, false, CANCEL, true);
        this.tracker = new RequestTracker(trackedRequests);
        this.verify = SdkClients.verifyV1(config);
    }

    /**
     * Verify v1's: SMS and voice, 4 or 6 digits, the configured workflow only, no step timeouts, custom codes or
     * client references, a status lookup, no pushed status, cancel from 30 s until the second event, next step.
     */
    @Override
    public GatewayCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public StartOutcome start(StartRequest request) {
        Objects.requireNonNull(request, "request");
        requests.requireFit(request);
        return calls.run("start", null, request.number(), call -> startCall(request, call), CallLog::requestIdOf);
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(code, "code");
        return calls.run("check", requestId, call -> checkCall(requestId, code, call));
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return calls.run("cancel", requestId, call -> cancelCall(requestId, call));
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return calls.run("advance", requestId, call -> advanceCall(requestId, call));
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return calls.run("status", requestId, call -> statusCall(requestId, call));
    }

    @SuppressWarnings("deprecation")
    private StartOutcome startCall(StartRequest request, CallLog.Call call) {
        VerifyRequest vonageRequest;
        try {
            vonageRequest = requests.toSdk(request);
        } catch (IllegalArgumentException refusedLocally) {
            // The SDK checks the number ([1-9]\d{6,14}) before sending; everything else was checked by our config.
            call.providerStatus("refused by the SDK");
            return new StartOutcome.Rejected(RejectionReason.INVALID_NUMBER);
        }
        VerifyResponse response = verify.verify(vonageRequest);
        call.providerStatus(response.getStatus());
        VonageStatusMapping.Start answer = VonageStatusMapping.start(response.getStatus());
        return switch (answer) {
            case STARTED -> {
                RequestId requestId = requestIdIn(response.getRequestId(), "start");
                RequestTracker.Position position = tracker.started(requestId, plan, config.clock().instant());
                yield new StartOutcome.Started(requestId, position.channel(), position.endOfRequest());
            }
            case IN_FLIGHT -> new StartOutcome.ConcurrentVerification(requestIdIn(response.getRequestId(), "start"));
            case INVALID_NUMBER -> new StartOutcome.Rejected(RejectionReason.INVALID_NUMBER);
            case BARRED -> new StartOutcome.Rejected(RejectionReason.BARRED);
            case UNSUPPORTED_NETWORK -> new StartOutcome.Rejected(RejectionReason.UNSUPPORTED_NETWORK);
            case DESTINATION_NOT_PERMITTED -> new StartOutcome.Rejected(RejectionReason.DESTINATION_NOT_PERMITTED);
            case FAIL_THROTTLED -> throw VonageFailures.of("start", Reason.THROTTLED);
            case FAIL_UNAVAILABLE -> throw VonageFailures.of("start", Reason.UNAVAILABLE);
            case FAIL_MISCONFIGURED -> throw VonageFailures.of("start", Reason.MISCONFIGURED);
        };
    }

    @SuppressWarnings("deprecation")
    private CheckOutcome checkCall(RequestId requestId, VerificationCode code, CallLog.Call call) {
        if (code.length() < MIN_CHECKED_LENGTH || code.length() > MAX_CHECKED_LENGTH) {
            // No Vonage code has this length, and the SDK would refuse to send it: wrong without asking.
            call.providerStatus("not sent: no Vonage code has this length");
            return new CheckOutcome.WrongCode(OptionalInt.empty());
        }
        CheckResponse response = verify.check(requestId.value(), code.value());
        call.providerStatus(response.getStatus());
        VonageStatusMapping.Check answer = VonageStatusMapping.check(response.getStatus());
        return switch (answer) {
            case CORRECT -> ended(requestId, new CheckOutcome.Correct());
            case WRONG_CODE -> new CheckOutcome.WrongCode(OptionalInt.empty());
            case TOO_MANY_ATTEMPTS -> ended(requestId, new CheckOutcome.TooManyAttempts());
            case NOT_FOUND -> ended(requestId, new CheckOutcome.NotFound());
            case FAIL_THROTTLED -> throw VonageFailures.of("check", Reason.THROTTLED);
            case FAIL_UNAVAILABLE -> throw VonageFailures.of("check", Reason.UNAVAILABLE);
            case FAIL_MISCONFIGURED -> throw VonageFailures.of("check", Reason.MISCONFIGURED);
        };
    }

    @SuppressWarnings("deprecation")
    private CancelOutcome cancelCall(RequestId requestId, CallLog.Call call) {
        VonageStatusMapping.Control answer =
                control("cancel", () -> verify.cancelVerification(requestId.value()), call);
        return switch (answer) {
            case DONE -> ended(requestId, new CancelOutcome.Cancelled());
            case REFUSED_NOW -> new CancelOutcome.NotPermitted(
                    tracker.cancelRefusal(requestId, config.clock().instant(), CANCEL.notBeforeAge()));
            case NOT_FOUND -> ended(requestId, new CancelOutcome.NotFound());
            case FAIL_THROTTLED -> throw VonageFailures.of("cancel", Reason.THROTTLED);
            case FAIL_UNAVAILABLE -> throw VonageFailures.of("cancel", Reason.UNAVAILABLE);
            case FAIL_MISCONFIGURED -> throw VonageFailures.of("cancel", Reason.MISCONFIGURED);
        };
    }

    @SuppressWarnings("deprecation")
    private AdvanceOutcome advanceCall(RequestId requestId, CallLog.Call call) {
        VonageStatusMapping.Control answer =
                control("advance", () -> verify.advanceVerification(requestId.value()), call);
        return switch (answer) {
            case DONE -> {
                RequestTracker.Position position = tracker.advanced(requestId, plan, config.clock().instant());
                yield new AdvanceOutcome.Advanced(position.channel(), position.endOfRequest());
            }
            case REFUSED_NOW -> new AdvanceOutcome.NoStepsLeft();
            case NOT_FOUND -> ended(requestId, new AdvanceOutcome.NotFound());
            case FAIL_THROTTLED -> throw VonageFailures.of("advance", Reason.THROTTLED);
            case FAIL_UNAVAILABLE -> throw VonageFailures.of("advance", Reason.UNAVAILABLE);
            case FAIL_MISCONFIGURED -> throw VonageFailures.of("advance", Reason.MISCONFIGURED);
        };
    }

    /** Control calls throw {@link VerifyException} for every status but 0; both paths meet in the same table. */
    @SuppressWarnings("deprecation")
    private static VonageStatusMapping.Control control(String operation, ControlCall controlCall, CallLog.Call call) {
        VerifyStatus status;
        try {
            status = controlCall.send().getStatus();
        } catch (VerifyException refused) {
            status = refused.getStatus();
        }
        call.providerStatus(status);
        return VonageStatusMapping.control(statusPresent(status, operation));
    }

    @SuppressWarnings("deprecation")
    private RequestStatus statusCall(RequestId requestId, CallLog.Call call) {
        // One id per search: 9.3.1 fails to parse multi-id answers shaped like Vonage's (facts pitfall 14).
        SearchVerifyResponse response = verify.search(requestId.value());
        List<VerifyDetails> found = response.getVerificationRequests();
        if (found == null || found.isEmpty()) {
            call.providerStatus(response.getStatus());
            VonageStatusMapping.SearchError answer =
                    VonageStatusMapping.searchError(statusPresent(response.getStatus(), "status"));
            return switch (answer) {
                case NOT_KNOWN -> RequestStatus.UNKNOWN;
                case FAIL_THROTTLED -> throw VonageFailures.of("status", Reason.THROTTLED);
                case FAIL_UNAVAILABLE -> throw VonageFailures.of("status", Reason.UNAVAILABLE);
                case FAIL_MISCONFIGURED -> throw VonageFailures.of("status", Reason.MISCONFIGURED);
            };
        }
        VerifyDetails details = found.get(0);
        call.providerStatus(details.getStatus());
        RequestStatus status = VonageStatusMapping.searchFound(statusPresent(details.getStatus(), "status"));
        if (status != RequestStatus.IN_PROGRESS && status != RequestStatus.UNKNOWN) {
            tracker.forget(requestId);
        }
        return status;
    }

    /** The request is over on Vonage's side: nothing more to remember of it. */
    private <T> T ended(RequestId requestId, T outcome) {
        tracker.forget(requestId);
        return outcome;
    }

    /**
     * The SDK itself refuses a start or check answer without a status, but lets a control or search answer through
     * with none; that is as unreadable as a missing status anywhere else.
     */
    private static <S> S statusPresent(S status, String operation) {
        if (status == null) {
            throw new GatewayException(Reason.BAD_RESPONSE,
                    "Vonage's answer to " + operation + " has no status");
        }
        return status;
    }

    private static RequestId requestIdIn(String value, String operation) {
        try {
            return new RequestId(value);
        } catch (InvalidInputException unusable) {
            throw new GatewayException(Reason.BAD_RESPONSE,
                    "Vonage's answer to " + operation + " has no usable request id", unusable);
        }
    }

    @FunctionalInterface
    private interface ControlCall {
        @SuppressWarnings("deprecation")
        ControlResponse send();
    }
}
