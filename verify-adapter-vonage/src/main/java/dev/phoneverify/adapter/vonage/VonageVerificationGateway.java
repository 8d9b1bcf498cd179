package dev.phoneverify.adapter.vonage;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.verify.CheckResponse;
import com.vonage.client.verify.ControlResponse;
import com.vonage.client.verify.SearchVerifyResponse;
import com.vonage.client.verify.VerifyClient;
import com.vonage.client.verify.VerifyDetails;
import com.vonage.client.verify.VerifyException;
import com.vonage.client.verify.VerifyRequest;
import com.vonage.client.verify.VerifyResponse;
import com.vonage.client.verify.VerifyStatus;
import com.vonage.client.verify.Workflow;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Adapter: the {@link VerificationGateway} port over Vonage Verify v1 through the official Java SDK 9.3.1.
 *
 * <p>One SDK client is built from the {@link VonageConfig} and shared by all calls (the SDK's Verify endpoints keep
 * no per-call state). Statuses are translated by {@link VonageStatusMapping}, SDK exceptions by
 * {@link VonageFailures}; numbers go out as E.164 digits without {@code +}.
 *
 * <p>Vonage does not say which channel a "next step" moved to, when a request ends, or whether a refused cancel
 * came too early or too late. The adapter works these out from the configured workflow and a small bounded memory of
 * the requests it started (time comes from the configured clock). For a request it did not start (another instance,
 * a restart) it assumes the request was on its first step and answers an unexplained cancel refusal as
 * {@code UNSPECIFIED}.
 *
 * <p>Logs one line per call at DEBUG (failures at WARNING) with the operation, request id, masked number, outcome and
 * latency; never the secret or a code. See {@link SdkLogGuard} for the SDK's own logging.
 */
public final class VonageVerificationGateway implements VerificationGateway {
    private static final System.Logger LOG = System.getLogger(VonageVerificationGateway.class.getName());
    /** Vonage refuses a cancel within this time from the start (facts 1.6). */
    private static final Duration CANCEL_NOT_BEFORE = Duration.ofSeconds(30);
    private static final int DEFAULT_TRACKED_REQUESTS = 10_000;
    /** Vonage sends 4- or 6-digit codes; the SDK refuses to check anything outside 4 to 6. */
    private static final int MIN_CODE_LENGTH = 4;
    private static final int MAX_CODE_LENGTH = 6;

    private final VonageConfig config;
    private final DeliveryPlan plan;
    private final RequestTracker tracker;
    @SuppressWarnings("deprecation") // Verify v1 is deprecated in the SDK, yet it is the flow this product follows.
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
        this.plan = DeliveryPlan.of(config);
        this.tracker = new RequestTracker(plan, trackedRequests);
        this.verify = verifyClientFor(config);
    }

    @SuppressWarnings("deprecation")
    private static VerifyClient verifyClientFor(VonageConfig config) {
        HttpConfig http = HttpConfig.builder()
                .apiBaseUri(config.baseUri().toString())
                .timeoutMillis(Math.toIntExact(config.timeout().toMillis()))
                .build();
        VonageClient client = VonageClient.builder()
                .apiKey(config.apiKey())
                .apiSecret(config.apiSecret())
                .httpConfig(http)
                .build();
        return client.getVerifyClient();
    }

    @Override
    public StartOutcome start(StartRequest request) {
        Objects.requireNonNull(request, "request");
        return logged("start", null, request.number(), call -> startCall(request, call), outcome -> {
            if (outcome instanceof StartOutcome.Started started) {
                return started.requestId();
            }
            return outcome instanceof StartOutcome.ConcurrentVerification c ? c.inFlight() : null;
        });
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(code, "code");
        return logged("check", requestId, null, call -> checkCall(requestId, code, call), outcome -> requestId);
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return logged("cancel", requestId, null, call -> cancelCall(requestId, call), outcome -> requestId);
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return logged("advance", requestId, null, call -> advanceCall(requestId, call), outcome -> requestId);
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return logged("status", requestId, null, call -> statusCall(requestId, call), outcome -> requestId);
    }

    @SuppressWarnings("deprecation")
    private StartOutcome startCall(StartRequest request, CallRecord call) {
        VerifyRequest vonageRequest;
        try {
            vonageRequest = vonageRequestFor(request);
        } catch (IllegalArgumentException refusedLocally) {
            // The SDK checks the number ([1-9]\d{6,14}) before sending; everything else was checked by our config.
            call.providerStatus = "refused by the SDK";
            return new StartOutcome.Rejected(StartOutcome.RejectionReason.INVALID_NUMBER,
                    "the phone number is not in a form the provider accepts");
        }
        VerifyResponse response = verify.verify(vonageRequest);
        call.providerStatus = String.valueOf(response.getStatus());
        VonageStatusMapping.Start answer = VonageStatusMapping.start(response.getStatus());
        switch (answer) {
            case STARTED: {
                RequestId requestId = requestIdIn(response.getRequestId(), "start");
                Instant now = config.clock().instant();
                tracker.started(requestId, now);
                return new StartOutcome.Started(requestId, plan.channelOf(0), plan.endOfRequest(0, now));
            }
            case IN_FLIGHT:
                return new StartOutcome.ConcurrentVerification(requestIdIn(response.getRequestId(), "start"));
            default:
                if (answer.rejection != null) {
                    return new StartOutcome.Rejected(answer.rejection, answer.detail);
                }
                throw VonageFailures.of("start", answer.failure);
        }
    }

    @SuppressWarnings("deprecation")
    private VerifyRequest vonageRequestFor(StartRequest request) {
        VerifyRequest.Builder builder = VerifyRequest.builder(request.number().digits(), request.brand().value())
                .length(request.codeLength())
                .workflow(workflowOf(config.workflowId()));
        config.senderId().ifPresent(builder::senderId);
        config.locale().ifPresent(builder::locale);
        config.pinExpiry().ifPresent(wait -> builder.pinExpiry(Math.toIntExact(wait.getSeconds())));
        config.nextEventWait().ifPresent(wait -> builder.nextEventWait(Math.toIntExact(wait.getSeconds())));
        return builder.build();
    }

    @SuppressWarnings("deprecation")
    private static Workflow workflowOf(int workflowId) {
        for (Workflow workflow : Workflow.values()) {
            if (workflow.getId() == workflowId) {
                return workflow;
            }
        }
        throw new IllegalArgumentException("workflowId must be 1 to 7, was " + workflowId);
    }

    @SuppressWarnings("deprecation")
    private CheckOutcome checkCall(RequestId requestId, VerificationCode code, CallRecord call) {
        if (code.length() < MIN_CODE_LENGTH || code.length() > MAX_CODE_LENGTH) {
            // No Vonage code has this length, and the SDK would refuse to send it: wrong without asking.
            call.providerStatus = "not sent: no Vonage code has this length";
            return new CheckOutcome.WrongCode(OptionalInt.empty());
        }
        CheckResponse response = verify.check(requestId.value(), code.value());
        call.providerStatus = String.valueOf(response.getStatus());
        VonageStatusMapping.Check answer = VonageStatusMapping.check(response.getStatus());
        switch (answer) {
            case CORRECT:
                tracker.forget(requestId);
                return new CheckOutcome.Correct();
            case WRONG_CODE:
                return new CheckOutcome.WrongCode(OptionalInt.empty());
            case TOO_MANY_ATTEMPTS:
                tracker.forget(requestId);
                return new CheckOutcome.TooManyAttempts();
            case NOT_FOUND:
                tracker.forget(requestId);
                return new CheckOutcome.NotFound();
            default:
                throw VonageFailures.of("check", answer.failure);
        }
    }

    private CancelOutcome cancelCall(RequestId requestId, CallRecord call) {
        VonageStatusMapping.Control answer = control("cancel", () -> verifyCancel(requestId), call);
        switch (answer) {
            case DONE:
                tracker.forget(requestId);
                return new CancelOutcome.Cancelled();
            case REFUSED_NOW:
                return new CancelOutcome.NotPermitted(whyCancelWasRefused(requestId));
            case NOT_FOUND:
                tracker.forget(requestId);
                return new CancelOutcome.NotFound();
            default:
                throw VonageFailures.of("cancel", answer.failure);
        }
    }

    /** Vonage answers 19 both too early and too late; the start time we remember tells which. */
    private CancelOutcome.Reason whyCancelWasRefused(RequestId requestId) {
        Instant now = config.clock().instant();
        Optional<RequestTracker.Position> position = tracker.positionAt(requestId, now);
        if (position.isEmpty()) {
            return CancelOutcome.Reason.UNSPECIFIED;
        }
        return RequestTracker.sinceStart(position.get(), now).compareTo(CANCEL_NOT_BEFORE) < 0
                ? CancelOutcome.Reason.TOO_EARLY
                : CancelOutcome.Reason.TOO_LATE;
    }

    private AdvanceOutcome advanceCall(RequestId requestId, CallRecord call) {
        VonageStatusMapping.Control answer = control("advance", () -> verifyAdvance(requestId), call);
        switch (answer) {
            case DONE: {
                RequestTracker.Position position = tracker.advanced(requestId, config.clock().instant());
                return new AdvanceOutcome.Advanced(plan.channelOf(position.step()),
                        plan.endOfRequest(position.step(), position.stepStartedAt()));
            }
            case REFUSED_NOW:
                return new AdvanceOutcome.NoStepsLeft();
            case NOT_FOUND:
                tracker.forget(requestId);
                return new AdvanceOutcome.NotFound();
            default:
                throw VonageFailures.of("advance", answer.failure);
        }
    }

    @SuppressWarnings("deprecation")
    private ControlResponse verifyCancel(RequestId requestId) {
        return verify.cancelVerification(requestId.value());
    }

    @SuppressWarnings("deprecation")
    private ControlResponse verifyAdvance(RequestId requestId) {
        return verify.advanceVerification(requestId.value());
    }

    /** Control calls throw {@link VerifyException} for every status but 0; both paths meet in the same table. */
    @SuppressWarnings("deprecation")
    private static VonageStatusMapping.Control control(String operation, ControlCall controlCall, CallRecord call) {
        VerifyStatus status;
        try {
            status = controlCall.send().getStatus();
        } catch (VerifyException refused) {
            status = refused.getStatus();
        }
        call.providerStatus = String.valueOf(status);
        return VonageStatusMapping.control(statusPresent(status, operation));
    }

    @SuppressWarnings("deprecation")
    private RequestStatus statusCall(RequestId requestId, CallRecord call) {
        // One id per search: 9.3.1 fails to parse multi-id answers shaped like Vonage's (facts pitfall 14).
        SearchVerifyResponse response = verify.search(requestId.value());
        List<VerifyDetails> found = response.getVerificationRequests();
        if (found == null || found.isEmpty()) {
            call.providerStatus = String.valueOf(response.getStatus());
            VonageStatusMapping.SearchError answer =
                    VonageStatusMapping.searchError(statusPresent(response.getStatus(), "status"));
            if (answer == VonageStatusMapping.SearchError.NOT_KNOWN) {
                return RequestStatus.UNKNOWN;
            }
            throw VonageFailures.of("status", answer.failure);
        }
        VerifyDetails details = found.get(0);
        call.providerStatus = String.valueOf(details.getStatus());
        RequestStatus status = VonageStatusMapping.searchFound(statusPresent(details.getStatus(), "status"));
        if (status != RequestStatus.IN_PROGRESS && status != RequestStatus.UNKNOWN) {
            tracker.forget(requestId);
        }
        return status;
    }

    /**
     * The SDK itself refuses a start or check answer without a status, but lets a control or search answer through
     * with none; that is as unreadable as a missing status anywhere else.
     */
    private static <S> S statusPresent(S status, String operation) {
        if (status == null) {
            throw new GatewayException(GatewayException.Reason.BAD_RESPONSE,
                    "Vonage's answer to " + operation + " has no status");
        }
        return status;
    }

    private static RequestId requestIdIn(String value, String operation) {
        try {
            return new RequestId(value);
        } catch (InvalidInputException unusable) {
            throw new GatewayException(GatewayException.Reason.BAD_RESPONSE,
                    "Vonage's answer to " + operation + " has no usable request id", unusable);
        }
    }

    /** Runs one call, turns SDK exceptions into {@link GatewayException}, and writes its log line. */
    private <T> T logged(String operation, RequestId requestId, PhoneNumber number, Function<CallRecord, T> body,
            Function<T, RequestId> requestIdOf) {
        CallRecord call = new CallRecord();
        long startedNanos = System.nanoTime();
        try {
            T outcome;
            try {
                outcome = body.apply(call);
            } catch (GatewayException e) {
                throw e;
            } catch (RuntimeException e) {
                throw VonageFailures.of(operation, e);
            }
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                log(System.Logger.Level.DEBUG, operation, requestIdOf.apply(outcome), number, outcome.toString(),
                        call, startedNanos);
            }
            return outcome;
        } catch (GatewayException e) {
            log(System.Logger.Level.WARNING, operation, requestId, number,
                    "GatewayException(" + e.reason() + ")", call, startedNanos);
            throw e;
        }
    }

    private static void log(System.Logger.Level level, String operation, RequestId requestId, PhoneNumber number,
            String outcome, CallRecord call, long startedNanos) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        long latencyMillis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        // PhoneNumber.toString() is masked; codes and the secret are never in scope here.
        LOG.log(level, "vonage " + operation
                + " requestId=" + (requestId == null ? "-" : requestId.value())
                + " number=" + (number == null ? "-" : number.toString())
                + " outcome=" + outcome
                + " vonageStatus=" + (call.providerStatus == null ? "-" : call.providerStatus)
                + " latencyMs=" + latencyMillis);
    }

    /** What one call learnt on the way, for its log line. */
    private static final class CallRecord {
        String providerStatus;
    }

    @FunctionalInterface
    private interface ControlCall {
        ControlResponse send();
    }
}
