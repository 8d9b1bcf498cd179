package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs one gateway call: turns what the SDK throws into {@link GatewayException} and writes the call's one log line,
 * the same way for both gateways.
 *
 * <p>The line goes out at DEBUG (failures at WARNING) with the operation, request id, masked number, outcome,
 * provider status and latency. Codes, secrets and keys are never in scope here: outcomes carry none, and
 * {@link PhoneNumber#toString()} is masked.
 */
final class CallLog {
    private final System.Logger log;
    private final String prefix;
    private final BiFunction<String, RuntimeException, GatewayException> failures;

    /**
     * @param prefix   the first word of every line ({@code vonage}, {@code vonage-v2})
     * @param failures turns an SDK exception thrown by an operation into the port's failure
     */
    CallLog(System.Logger log, String prefix, BiFunction<String, RuntimeException, GatewayException> failures) {
        this.log = log;
        this.prefix = prefix;
        this.failures = failures;
    }

    /** What one call learnt on the way, for its log line. */
    static final class Call {
        private String providerStatus;

        /** The provider's status as the line shows it: a status name or an HTTP status, never a body. */
        void providerStatus(Object status) {
            this.providerStatus = String.valueOf(status);
        }
    }

    /**
     * Runs {@code body}. A {@link GatewayException} or {@link InvalidInputException} it throws passes through; any
     * other runtime exception is translated.
     *
     * @param requestIdOf the request id an outcome names, for the log line
     */
    <T> T run(String operation, RequestId requestId, PhoneNumber number, Function<Call, T> body,
            Function<T, Optional<RequestId>> requestIdOf) {
        Call call = new Call();
        long startedNanos = System.nanoTime();
        try {
            T outcome;
            try {
                outcome = body.apply(call);
            } catch (GatewayException | InvalidInputException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failures.apply(operation, e);
            }
            if (log.isLoggable(System.Logger.Level.DEBUG)) {
                write(System.Logger.Level.DEBUG, operation, requestIdOf.apply(outcome).orElse(requestId), number,
                        outcome.toString(), call, startedNanos);
            }
            return outcome;
        } catch (GatewayException e) {
            write(System.Logger.Level.WARNING, operation, requestId, number, "GatewayException(" + e.reason() + ")",
                    call, startedNanos);
            throw e;
        } catch (InvalidInputException e) {
            write(System.Logger.Level.DEBUG, operation, requestId, number, "InvalidInput(" + e.field() + ")", call,
                    startedNanos);
            throw e;
        }
    }

    /** A call on a request that names the request in its log line. */
    <T> T run(String operation, RequestId requestId, Function<Call, T> body) {
        return run(operation, requestId, null, body, outcome -> Optional.of(requestId));
    }

    /** The request a start outcome names: the new one, or the one in flight. */
    static Optional<RequestId> requestIdOf(StartOutcome outcome) {
        return outcome.accept(new StartOutcome.Visitor<>() {
            @Override
            public Optional<RequestId> started(StartOutcome.Started started) {
                return Optional.of(started.requestId());
            }

            @Override
            public Optional<RequestId> rejected(StartOutcome.Rejected rejected) {
                return Optional.empty();
            }

            @Override
            public Optional<RequestId> concurrentVerification(StartOutcome.ConcurrentVerification concurrent) {
                return Optional.of(concurrent.inFlight());
            }
        });
    }

    private void write(System.Logger.Level level, String operation, RequestId requestId, PhoneNumber number,
            String outcome, Call call, long startedNanos) {
        if (!log.isLoggable(level)) {
            return;
        }
        long latencyMillis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        log.log(level, prefix + " " + operation
                + " requestId=" + (requestId == null ? "-" : requestId.value())
                + " number=" + (number == null ? "-" : number.toString())
                + " outcome=" + outcome
                + " vonageStatus=" + (call.providerStatus == null ? "-" : call.providerStatus)
                + " latencyMs=" + latencyMillis);
    }
}
