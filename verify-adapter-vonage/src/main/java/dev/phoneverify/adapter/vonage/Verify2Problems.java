package dev.phoneverify.adapter.vonage;

import com.vonage.client.VonageApiResponseException;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.GatewayException.Reason;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Verify v2 problem answer (RFC 7807, facts 2.5) and what it means for each operation, in one place. Read by
 * HTTP status only, never by {@code type}, {@code title} or {@code detail}: Vonage's spec reuses those across
 * statuses, and their wording is not a contract.
 *
 * <p>On every operation 429 is {@code THROTTLED}, 5xx is {@code UNAVAILABLE} (both retryable), and 401 (credentials),
 * 402 (low balance) and any status not listed are {@code MISCONFIGURED} (not retryable), so an unexpected answer
 * never passes as success.
 */
final class Verify2Problems {
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int FIRST_SERVER_ERROR = 500;
    /** A parameter name as the 422 body gives it, e.g. {@code workflow[1].to}; the index names the step. */
    private static final Pattern TO_OF_STEP = Pattern.compile("(?:.*\\[(\\d{1,2})]\\.)?to");
    private static final Pattern UNSAFE_IN_LOGS = Pattern.compile("[^A-Za-z0-9_.\\[\\]-]");

    /** Answers to a start ({@code POST /v2/verify}). */
    enum Start {
        /** 409: the number has a request in flight; the body names it. */
        IN_FLIGHT,
        /** 412: the number's network is not served. */
        NETWORK_NOT_SUPPORTED,
        /** 422: a parameter is invalid; the body names it. */
        INVALID_PARAMETERS,
        FAIL_THROTTLED, FAIL_UNAVAILABLE, FAIL_MISCONFIGURED
    }

    /** Answers to a code check ({@code POST /v2/verify/{id}}). */
    enum Check {
        /** 400. */
        WRONG_CODE,
        /** 410: the request ended failed. */
        TOO_MANY_ATTEMPTS,
        /** 404: unknown, verified already, or ended. */
        NOT_FOUND,
        FAIL_THROTTLED, FAIL_UNAVAILABLE, FAIL_MISCONFIGURED
    }

    /** Answers to a cancel ({@code DELETE /v2/verify/{id}}) or a next step ({@code POST .../next_workflow}). */
    enum Control {
        /** 404: unknown, finished, or cancelled already. */
        NOT_FOUND,
        /** 409: next step has no step left; a cancel is refused now (facts 2.6, the v1 rule some accounts keep). */
        REFUSED_NOW,
        FAIL_THROTTLED, FAIL_UNAVAILABLE, FAIL_MISCONFIGURED
    }

    private static final Map<Integer, Start> START = Map.of(
            409, Start.IN_FLIGHT, 412, Start.NETWORK_NOT_SUPPORTED, 422, Start.INVALID_PARAMETERS);
    // 409 on a check means the step takes no code (silent auth), which this gateway never starts: MISCONFIGURED.
    private static final Map<Integer, Check> CHECK = Map.of(
            400, Check.WRONG_CODE, 410, Check.TOO_MANY_ATTEMPTS, 404, Check.NOT_FOUND);
    private static final Map<Integer, Control> CONTROL = Map.of(
            404, Control.NOT_FOUND, 409, Control.REFUSED_NOW);

    private Verify2Problems() {
    }

    static Start start(int httpStatus) {
        return START.getOrDefault(httpStatus, common(httpStatus, Start.FAIL_THROTTLED, Start.FAIL_UNAVAILABLE,
                Start.FAIL_MISCONFIGURED));
    }

    static Check check(int httpStatus) {
        return CHECK.getOrDefault(httpStatus, common(httpStatus, Check.FAIL_THROTTLED, Check.FAIL_UNAVAILABLE,
                Check.FAIL_MISCONFIGURED));
    }

    static Control control(int httpStatus) {
        return CONTROL.getOrDefault(httpStatus, common(httpStatus, Control.FAIL_THROTTLED, Control.FAIL_UNAVAILABLE,
                Control.FAIL_MISCONFIGURED));
    }

    private static <A> A common(int httpStatus, A throttled, A unavailable, A misconfigured) {
        if (httpStatus == TOO_MANY_REQUESTS) {
            return throttled;
        }
        return httpStatus >= FIRST_SERVER_ERROR ? unavailable : misconfigured;
    }

    /** The failure for a problem answer; the message has the HTTP status, never the body's text. */
    static GatewayException failure(String operation, Reason reason, VonageApiResponseException problem,
            Optional<Duration> retryAfter) {
        return VonageFailures.of(operation, reason, " (HTTP " + problem.getStatusCode() + ")",
                reason == Reason.THROTTLED ? retryAfter.orElse(null) : null, problem);
    }

    /**
     * What a 422 to a start means. One about a step's {@code to} rejects the number (facts 2.3, KB422), or the
     * address when the step is an email step; any other invalid parameter is ours to fix, so it fails as
     * {@code MISCONFIGURED} naming it.
     */
    static StartOutcome invalidParameters(StartRequest request, VonageApiResponseException problem) {
        List<String> names = invalidParameterNames(problem);
        List<Channel> steps = request.workflow().channels();
        for (String name : names) {
            Optional<OptionalInt> recipient = recipientParameter(name);
            if (recipient.isPresent()) {
                OptionalInt step = recipient.get();
                if (step.isPresent() && step.getAsInt() < steps.size() && steps.get(step.getAsInt()) == Channel.EMAIL) {
                    throw new InvalidInputException(InvalidInputException.Field.EMAIL,
                            "the provider does not accept this email address");
                }
                return new StartOutcome.Rejected(StartOutcome.RejectionReason.INVALID_NUMBER);
            }
        }
        throw VonageFailures.of("start", Reason.MISCONFIGURED, " (HTTP 422, invalid parameter "
                + (names.isEmpty() ? "not named" : String.join(", ", names)) + ")", null, problem);
    }

    /** The names of the parameters a 422 says are invalid, made safe for a log line. */
    static List<String> invalidParameterNames(VonageApiResponseException problem) {
        List<String> names = new ArrayList<>();
        List<?> parameters = problem.getInvalidParameters();
        if (parameters != null) {
            for (Object parameter : parameters) {
                if (parameter instanceof Map<?, ?> described && described.get("name") != null) {
                    String name = UNSAFE_IN_LOGS.matcher(String.valueOf(described.get("name"))).replaceAll("?");
                    names.add(name.length() > 40 ? name.substring(0, 40) : name);
                }
            }
        }
        return names;
    }

    /**
     * Whether {@code name} is a step's {@code to}, and which step when the name says: {@code to} gives an empty
     * index, {@code workflow[1].to} gives 1; any other parameter gives empty.
     */
    private static Optional<OptionalInt> recipientParameter(String name) {
        Matcher matcher = TO_OF_STEP.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) == null ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(matcher.group(1))));
    }
}
