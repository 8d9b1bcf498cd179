package dev.phoneverify.adapter.vonage;

import com.vonage.client.VonageApiResponseException;
import com.vonage.client.verify2.VerificationRequest;
import com.vonage.client.verify2.VerificationResponse;
import com.vonage.client.verify2.VerificationStatus;
import com.vonage.client.verify2.VerifyCodeResponse;
import com.vonage.client.verify2.VerifyResponseException;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
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
import dev.phoneverify.vonage.model.V2Rules;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Adapter: the {@link VerificationGateway} port over Vonage Verify v2 through the official Java SDK 9.3.1
 * ({@code Verify2Client}), with the one call 9.3.1 gets wrong sent to the right path (see {@link Verify2Sdk}).
 *
 * <p>Problem answers are read by HTTP status in {@link Verify2Problems}; other SDK exceptions by
 * {@link VonageFailures}. v2 has no status search: Vonage pushes step and request changes by signed callbacks, which
 * the app hands to the core's provider-status use case, so {@link #status} answers {@code UNKNOWN} without a call.
 *
 * <p>Vonage's "next step" answer names no channel. The adapter remembers the workflow and the
 * {@code channel_timeout} of the requests it started (bounded, in memory; see {@link V2Requests} for how per-step
 * timeouts map to v2's one timeout) and works out the channel and the request's end from them. For a request it did
 * not start it assumes the default workflow, on its first step; the next pushed step event corrects the channel.
 *
 * <p>Logs one line per call (see {@link CallLog}); never the secret, the private key or a code.
 */
public final class VonageV2VerificationGateway implements VerificationGateway {
    private static final System.Logger LOG = System.getLogger(VonageV2VerificationGateway.class.getName());
    private static final int DEFAULT_TRACKED_REQUESTS = 10_000;

    private final VonageV2Config config;
    private final GatewayCapabilities capabilities;
    private final V2Requests requests;
    private final RequestTracker tracker;
    private final Verify2Sdk sdk;
    private final CallLog calls = new CallLog(LOG, "vonage-v2", VonageFailures::of);
    /** Where a request this adapter did not start is assumed to be. */
    private final V2Plan assumedPlan =
            new V2Plan(V2Capabilities.DEFAULT_WORKFLOW.channels(), V2Rules.DEFAULT_CHANNEL_TIMEOUT);

    /** Builds the SDK client once; fails with {@link IllegalArgumentException} if the SDK refuses the settings. */
    public VonageV2VerificationGateway(VonageV2Config config) {
        this(config, DEFAULT_TRACKED_REQUESTS);
    }

    VonageV2VerificationGateway(VonageV2Config config, int trackedRequests) {
        this.config = Objects.requireNonNull(config, "config");
        if (!config.sdkWireLogging()) {
            SdkLogGuard.pinWireLoggersToInfo();
        }
        this.capabilities = V2Capabilities.of(config);
        this.requests = new V2Requests(config, capabilities);
        this.tracker = new RequestTracker(trackedRequests);
        this.sdk = Verify2Sdk.of(config);
    }

    /**
     * Verify v2's: SMS, voice and email, WhatsApp when a sender is configured; 4 to 10 digits; any workflow of one to
     * three steps, each 15 to 900 s; custom codes and client references; pushed status, no lookup; cancel at any
     * time; next step.
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
        return calls.run("check", requestId, call -> uuidOf(requestId)
                .map(uuid -> checkCall(requestId, uuid, code, call))
                .orElseGet(() -> notV2(call, new CheckOutcome.NotFound())));
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return calls.run("cancel", requestId, call -> uuidOf(requestId)
                .map(uuid -> cancelCall(requestId, uuid, call))
                .orElseGet(() -> notV2(call, new CancelOutcome.NotFound())));
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return calls.run("advance", requestId, call -> uuidOf(requestId)
                .map(uuid -> advanceCall(requestId, uuid, call))
                .orElseGet(() -> notV2(call, new AdvanceOutcome.NotFound())));
    }

    /** v2 has no search; how a request ended arrives by callback. */
    @Override
    public RequestStatus status(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return RequestStatus.UNKNOWN;
    }

    private StartOutcome startCall(StartRequest request, CallLog.Call call) {
        VerificationRequest sdkRequest;
        try {
            sdkRequest = requests.toSdk(request);
        } catch (IllegalArgumentException refusedLocally) {
            // The SDK checks the number (E.164) before sending; everything else was checked above.
            call.providerStatus("refused by the SDK");
            return new StartOutcome.Rejected(RejectionReason.INVALID_NUMBER);
        }
        VerificationResponse response;
        try {
            response = sdk.client.sendVerification(sdkRequest);
        } catch (VonageApiResponseException problem) {
            call.providerStatus(problem.getStatusCode());
            return startProblem(request, problem);
        }
        call.providerStatus(202);
        if (response.getRequestId() == null) {
            throw new GatewayException(Reason.BAD_RESPONSE, "Vonage's answer to start has no request_id");
        }
        RequestId requestId = new RequestId(response.getRequestId().toString());
        RequestTracker.Position position = tracker.started(requestId, V2Requests.planOf(request), now());
        return new StartOutcome.Started(requestId, position.channel(), position.endOfRequest());
    }

    private StartOutcome startProblem(StartRequest request, VonageApiResponseException problem) {
        Verify2Problems.Start answer = Verify2Problems.start(problem.getStatusCode());
        return switch (answer) {
            case IN_FLIGHT -> new StartOutcome.ConcurrentVerification(inFlight(problem));
            case NETWORK_NOT_SUPPORTED -> new StartOutcome.Rejected(RejectionReason.UNSUPPORTED_NETWORK);
            case INVALID_PARAMETERS -> Verify2Problems.invalidParameters(request, problem);
            case FAIL_THROTTLED -> throw failure("start", Reason.THROTTLED, problem);
            case FAIL_UNAVAILABLE -> throw failure("start", Reason.UNAVAILABLE, problem);
            case FAIL_MISCONFIGURED -> throw failure("start", Reason.MISCONFIGURED, problem);
        };
    }

    /** The request in flight that a 409 names; without one the answer is unusable. */
    private static RequestId inFlight(VonageApiResponseException problem) {
        UUID inFlight = problem instanceof VerifyResponseException verify ? verify.getRequestId() : null;
        if (inFlight == null) {
            throw new GatewayException(Reason.BAD_RESPONSE,
                    "Vonage's 409 to start names no request in flight", problem);
        }
        return new RequestId(inFlight.toString());
    }

    private CheckOutcome checkCall(RequestId requestId, UUID uuid, VerificationCode code, CallLog.Call call) {
        VerifyCodeResponse response;
        try {
            response = sdk.client.checkVerificationCode(uuid, code.value());
        } catch (VonageApiResponseException problem) {
            call.providerStatus(problem.getStatusCode());
            Verify2Problems.Check answer = Verify2Problems.check(problem.getStatusCode());
            return switch (answer) {
                case WRONG_CODE -> new CheckOutcome.WrongCode(OptionalInt.empty());
                case TOO_MANY_ATTEMPTS -> ended(requestId, new CheckOutcome.TooManyAttempts());
                case NOT_FOUND -> ended(requestId, new CheckOutcome.NotFound());
                case FAIL_THROTTLED -> throw failure("check", Reason.THROTTLED, problem);
                case FAIL_UNAVAILABLE -> throw failure("check", Reason.UNAVAILABLE, problem);
                case FAIL_MISCONFIGURED -> throw failure("check", Reason.MISCONFIGURED, problem);
            };
        }
        call.providerStatus(response.getStatus());
        if (response.getStatus() != VerificationStatus.COMPLETED) {
            // Never guess "verified": a 200 that does not say completed is not understood.
            throw new GatewayException(Reason.BAD_RESPONSE,
                    "Vonage's answer to check does not say completed");
        }
        return ended(requestId, new CheckOutcome.Correct());
    }

    private CancelOutcome cancelCall(RequestId requestId, UUID uuid, CallLog.Call call) {
        try {
            sdk.client.cancelVerification(uuid);
        } catch (VonageApiResponseException problem) {
            call.providerStatus(problem.getStatusCode());
            Verify2Problems.Control answer = Verify2Problems.control(problem.getStatusCode());
            return switch (answer) {
                case NOT_FOUND -> ended(requestId, new CancelOutcome.NotFound());
                case REFUSED_NOW -> new CancelOutcome.NotPermitted(
                        tracker.cancelRefusal(requestId, now(), V2Rules.CANCEL_NOT_BEFORE));
                case FAIL_THROTTLED -> throw failure("cancel", Reason.THROTTLED, problem);
                case FAIL_UNAVAILABLE -> throw failure("cancel", Reason.UNAVAILABLE, problem);
                case FAIL_MISCONFIGURED -> throw failure("cancel", Reason.MISCONFIGURED, problem);
            };
        }
        call.providerStatus(204);
        requireReadableBody("cancel");
        return ended(requestId, new CancelOutcome.Cancelled());
    }

    private AdvanceOutcome advanceCall(RequestId requestId, UUID uuid, CallLog.Call call) {
        try {
            sdk.nextWorkflow.execute(uuid);
        } catch (VonageApiResponseException problem) {
            call.providerStatus(problem.getStatusCode());
            Verify2Problems.Control answer = Verify2Problems.control(problem.getStatusCode());
            return switch (answer) {
                case NOT_FOUND -> ended(requestId, new AdvanceOutcome.NotFound());
                case REFUSED_NOW -> new AdvanceOutcome.NoStepsLeft();
                case FAIL_THROTTLED -> throw failure("advance", Reason.THROTTLED, problem);
                case FAIL_UNAVAILABLE -> throw failure("advance", Reason.UNAVAILABLE, problem);
                case FAIL_MISCONFIGURED -> throw failure("advance", Reason.MISCONFIGURED, problem);
            };
        }
        call.providerStatus(200);
        requireReadableBody("advance");
        RequestTracker.Position position = tracker.advanced(requestId, assumedPlan, now());
        return new AdvanceOutcome.Advanced(position.channel(), position.endOfRequest());
    }

    private GatewayException failure(String operation, GatewayException.Reason reason,
            VonageApiResponseException problem) {
        return Verify2Problems.failure(operation, reason, problem, sdk.responses.retryAfter(now()));
    }

    /** The SDK ignores the body of a cancel's or next step's success; one that is not JSON is no success. */
    private void requireReadableBody(String operation) {
        if (!sdk.responses.lastBodyReadable()) {
            throw new GatewayException(Reason.BAD_RESPONSE,
                    "Vonage's answer to " + operation + " could not be read");
        }
    }

    /** v2 ids are UUIDs (facts 2.1); any other id (a v1 one, say) names no v2 request, so nothing is sent. */
    private static Optional<UUID> uuidOf(RequestId requestId) {
        try {
            UUID uuid = UUID.fromString(requestId.value());
            return uuid.toString().equalsIgnoreCase(requestId.value()) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static <T> T notV2(CallLog.Call call, T notFound) {
        call.providerStatus("not sent: not a v2 request id");
        return notFound;
    }

    /** The request is over on Vonage's side: nothing more to remember of it. */
    private <T> T ended(RequestId requestId, T outcome) {
        tracker.forget(requestId);
        return outcome;
    }

    private Instant now() {
        return config.clock().instant();
    }
}
