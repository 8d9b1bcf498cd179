package dev.phoneverify.emulator;

import dev.phoneverify.core.domain.RequestId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A Verify v2 error answer, RFC 7807 {@code application/problem+json} (facts §2.1, §2.5): {@code type} (a URL with
 * the {@code x-errors} anchor of facts §2.5), {@code title}, {@code detail}, {@code instance} (a trace id) and the
 * extra members some errors carry. Clients branch on the status, so the texts follow SPECV2's examples loosely.
 */
record Problem(int status, String type, String title, String detail, Map<String, Object> extras,
               Optional<Duration> retryAfter) {
    private static final String ERRORS = "https://developer.vonage.com/en/api-errors";
    private static final String V2_ERRORS = ERRORS + "/verify-v2";

    /** One bad field of a 422, named as the request spells it ({@code workflow[0].to}). */
    record InvalidParameter(String name, String reason) {
    }

    Problem {
        extras = Map.copyOf(extras);
    }

    private static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail, Map.of(), Optional.empty());
    }

    static Problem unauthorized() {
        return of(401, "https://developer.vonage.com/api-errors#unauthorized", "Unauthorized",
                "You did not provide correct credentials.");
    }

    static Problem jwtExpired() {
        return of(401, ERRORS + "#jwt-expired", "Unauthorized", "The JWT provided has expired.");
    }

    static Problem invalidParameters(List<InvalidParameter> invalid) {
        List<Object> list = invalid.stream().<Object>map(parameter -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", parameter.name());
            entry.put("reason", parameter.reason());
            return entry;
        }).toList();
        return new Problem(422, ERRORS + "#invalid-params", "Invalid params",
                "The value of one or more parameters is invalid.", Map.of("invalid_parameters", list),
                Optional.empty());
    }

    static Problem invalidParameter(String name, String reason) {
        return invalidParameters(List.of(new InvalidParameter(name, reason)));
    }

    static Problem concurrent(RequestId inFlight) {
        return new Problem(409, V2_ERRORS + "#concurrent", "Conflict",
                "Concurrent verifications to the same number are not allowed.",
                Map.of("request_id", inFlight.value()), Optional.empty());
    }

    static Problem invalidCode() {
        return of(400, V2_ERRORS + "#invalid-code", "Invalid Code",
                "The code you provided does not match the expected value.");
    }

    static Problem tooManyWrongCodes() {
        return of(410, V2_ERRORS + "#expired", "Invalid Code",
                "An incorrect code has been provided too many times. Workflow terminated.");
    }

    static Problem requestNotFound(String requestId) {
        return of(404, V2_ERRORS + "#request-not-found", "Not Found",
                "Request '" + requestId + "' was not found or it has been verified already.");
    }

    static Problem noEvents() {
        return of(409, V2_ERRORS + "#no-events", "Conflict", "There are no more events left to trigger.");
    }

    static Problem cancelRefused() {
        return of(409, V2_ERRORS + "#conflict", "Conflict",
                "The operation cannot be performed at this time: a request can be cancelled only from 30 seconds"
                        + " after its start and before its second step.");
    }

    static Problem throttled(Duration retryAfter) {
        return new Problem(429, ERRORS + "#throttled", "Rate Limit Hit", "Please wait, then retry your request.",
                Map.of(), Optional.of(retryAfter));
    }

    static Problem unavailable() {
        return of(503, "https://developer.vonage.com/api-errors#internal-error", "Service Unavailable",
                "There was an error processing your request in the Platform.");
    }

    static Problem pathNotFound() {
        return of(404, ERRORS + "#not-found", "Not Found", "There is no such endpoint in Verify v2.");
    }

    static Problem methodNotAllowed() {
        return of(405, ERRORS + "#method-not-allowed", "Method Not Allowed",
                "This endpoint does not take that HTTP method.");
    }

    static Problem bodyTooLarge(int limit) {
        return of(413, ERRORS + "#payload-too-large", "Payload Too Large",
                "The request body is over " + limit + " bytes.");
    }

    /** The body, with a fresh {@code instance}, as the platform gives a trace id per answer. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("detail", detail);
        body.put("instance", UUID.randomUUID().toString());
        body.putAll(extras);
        return body;
    }
}
