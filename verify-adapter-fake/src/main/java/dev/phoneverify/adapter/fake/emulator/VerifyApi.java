package dev.phoneverify.adapter.fake.emulator;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.RequestSnapshot;
import dev.phoneverify.adapter.fake.StartOptions;
import dev.phoneverify.adapter.fake.Workflow;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verify v1's four endpoints over the fake: reads Vonage's parameters, calls the simulator, and builds the JSON
 * bodies of facts §3.7. Parameter problems are thrown as {@link ApiError}; the caller checked the credentials.
 */
final class VerifyApi {
    private static final DateTimeFormatter SEARCH_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int MAX_SEARCH_IDS = 10;
    private static final String PRICE = "0.10000000";
    private static final String CURRENCY = "EUR";
    private static final String ESTIMATED_PRICE = "0.03330000";

    private final FakeVerificationGateway fake;
    private final String accountId;

    VerifyApi(FakeVerificationGateway fake, String accountId) {
        this.fake = fake;
        this.accountId = accountId;
    }

    /** {@code /verify/json}: facts §1.2. */
    Map<String, Object> request(Parameters params) {
        PhoneNumber number = parse("number", params, PhoneNumber::parse);
        Brand brand = parse("brand", params, Brand::new);
        int codeLength = optionalInt(params, "code_length", 4, 6).orElse(4);
        if (codeLength != 4 && codeLength != 6) {
            throw ApiError.invalid("code_length");
        }
        StartOptions options = fake.defaultOptions();
        Optional<Integer> workflowId = optionalInt(params, "workflow_id", 1, 7);
        if (workflowId.isPresent()) {
            options = options.withWorkflow(Workflow.byId(workflowId.get()));
        }
        Optional<Integer> pinExpiry = optionalInt(params, "pin_expiry", 60, 3600);
        if (pinExpiry.isPresent()) {
            options = options.withPinExpiry(Duration.ofSeconds(pinExpiry.get()));
        }
        Optional<Integer> nextEventWait = optionalInt(params, "next_event_wait", 60, 900);
        if (nextEventWait.isPresent()) {
            options = options.withNextEventWait(Duration.ofSeconds(nextEventWait.get()));
        }
        if (params.first("pin_code").isPresent()) {
            // Custom PINs need Vonage to enable them on the account; the emulated account has them off (facts §1.5).
            throw new ApiError("20", "This account does not support the parameter: pin_code.");
        }
        StartOutcome outcome = fake.start(new StartRequest(number, brand, codeLength), options);
        Map<String, Object> body = new LinkedHashMap<>();
        if (outcome instanceof StartOutcome.Started started) {
            body.put("request_id", started.requestId().value());
            body.put("status", "0");
        } else if (outcome instanceof StartOutcome.ConcurrentVerification concurrent) {
            body.put("request_id", concurrent.inFlight().value());
            body.put("status", "10");
            body.put("error_text", "Concurrent verifications to the same number are not allowed");
        } else if (outcome instanceof StartOutcome.Rejected rejected) {
            putRejection(body, rejected.reason());
        }
        return body;
    }

    private static void putRejection(Map<String, Object> body, StartOutcome.RejectionReason reason) {
        switch (reason) {
            case BARRED -> {
                // Vonage names the network and gives no request id for a barred number (facts §1.5).
                body.put("status", "7");
                body.put("network", "23410");
                body.put("error_text", "The number you are trying to verify is blacklisted for verification.");
            }
            case UNSUPPORTED_NETWORK -> {
                body.put("request_id", "");
                body.put("status", "15");
                body.put("error_text", "The destination number is not in a supported network");
            }
            case DESTINATION_NOT_PERMITTED -> {
                body.put("request_id", "");
                body.put("status", "29");
                body.put("error_text", "Non-Permitted Destination");
            }
            default -> {
                body.put("request_id", "");
                body.put("status", "3");
                body.put("error_text", "Invalid value for param: number");
            }
        }
    }

    /** {@code /verify/check/json}: facts §1.3 Check. */
    Map<String, Object> check(Parameters params) {
        RequestId requestId = requestId(params);
        String rawCode = params.first("code").orElseThrow(() -> ApiError.missing("code"));
        if (rawCode.length() < 4 || rawCode.length() > 6) {
            throw ApiError.invalid("code");
        }
        VerificationCode code = parse("code", params, VerificationCode::parse);
        CheckOutcome outcome = fake.check(requestId, code);
        Map<String, Object> body = new LinkedHashMap<>();
        if (outcome instanceof CheckOutcome.Correct) {
            body.put("request_id", requestId.value());
            body.put("event_id", fake.snapshot(requestId).map(VerifyApi::lastEventId).orElse(""));
            body.put("status", "0");
            body.put("price", PRICE);
            body.put("currency", CURRENCY);
            body.put("estimated_price_messages_sent", ESTIMATED_PRICE);
        } else if (outcome instanceof CheckOutcome.WrongCode) {
            body.put("request_id", requestId.value());
            body.put("status", "16");
            body.put("error_text", "The code inserted does not match the expected value");
        } else if (outcome instanceof CheckOutcome.TooManyAttempts) {
            body.put("request_id", requestId.value());
            body.put("status", "17");
            body.put("error_text", "The wrong code was provided too many times. Request terminated");
        } else {
            body.put("status", "6");
            body.put("error_text", "The Vonage platform was unable to process this message for the following reason: "
                    + "Request '" + requestId.value() + "' was not found or it has been verified already.");
        }
        return body;
    }

    /** {@code /verify/control/json}: facts §1.3 Control and §1.6. */
    Map<String, Object> control(Parameters params) {
        RequestId requestId = requestId(params);
        String command = params.first("cmd").orElseThrow(() -> ApiError.missing("cmd"));
        Map<String, Object> body = new LinkedHashMap<>();
        if (command.equals("cancel")) {
            CancelOutcome outcome = fake.cancel(requestId);
            if (outcome instanceof CancelOutcome.Cancelled) {
                return success(command);
            }
            if (outcome instanceof CancelOutcome.NotPermitted refused) {
                body.put("status", "19");
                body.put("error_text", refused.reason() == CancelOutcome.Reason.TOO_EARLY
                        ? "Verification request ['" + requestId.value()
                                + "'] can't be cancelled within the first 30 seconds."
                        : "Verification request  ['" + requestId.value()
                                + "'] can't be cancelled now. Too many attempts to re-deliver have already been made.");
                return body;
            }
        } else if (command.equals("trigger_next_event")) {
            AdvanceOutcome outcome = fake.advance(requestId);
            if (outcome instanceof AdvanceOutcome.Advanced) {
                return success(command);
            }
            if (outcome instanceof AdvanceOutcome.NoStepsLeft) {
                body.put("status", "19");
                body.put("error_text", "No more events are left to execute for the request ['"
                        + requestId.value() + "']");
                return body;
            }
        } else {
            throw ApiError.invalid("cmd");
        }
        body.put("status", "6");
        body.put("error_text", "The requestId '" + requestId.value() + "' does not exist or its no longer active.");
        return body;
    }

    private static Map<String, Object> success(String command) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "0");
        body.put("command", command);
        return body;
    }

    /** {@code /verify/search/json}: one {@code request_id}, or up to ten repeated {@code request_ids}. */
    Map<String, Object> search(Parameters params) {
        List<String> ids = new ArrayList<>(params.all("request_id"));
        ids.addAll(params.all("request_ids"));
        ids.removeIf(String::isBlank);
        if (ids.isEmpty()) {
            throw ApiError.missing("request_id");
        }
        if (ids.size() > MAX_SEARCH_IDS) {
            throw new ApiError("18", "Too many request_ids provided");
        }
        List<Object> found = new ArrayList<>();
        for (String id : ids) {
            RequestId requestId = parseRequestId(id);
            fake.snapshot(requestId).ifPresent(snapshot -> found.add(describe(snapshot)));
        }
        if (found.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("request_id", "");
            body.put("status", "101");
            body.put("error_text", "No response found");
            return body;
        }
        if (ids.size() == 1) {
            @SuppressWarnings("unchecked")
            Map<String, Object> single = (Map<String, Object>) found.get(0);
            return single;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verification_requests", found);
        return body;
    }

    private Map<String, Object> describe(RequestSnapshot snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", snapshot.requestId().value());
        body.put("account_id", accountId);
        body.put("number", snapshot.number().digits());
        body.put("sender_id", "verify");
        body.put("date_submitted", date(snapshot.submittedAt()));
        body.put("date_finalized", snapshot.finalizedAt().map(VerifyApi::date).orElse(""));
        List<Object> checks = new ArrayList<>();
        for (RequestSnapshot.Check check : snapshot.checks()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date_received", date(check.receivedAt()));
            entry.put("code", check.code());
            entry.put("status", check.valid() ? "VALID" : "INVALID");
            entry.put("ip_address", "");
            checks.add(entry);
        }
        body.put("checks", checks);
        List<RequestSnapshot.Event> events = snapshot.events();
        body.put("first_event_date", events.isEmpty() ? "" : date(events.get(0).at()));
        body.put("last_event_date", events.isEmpty() ? "" : date(events.get(events.size() - 1).at()));
        body.put("price", PRICE);
        body.put("currency", CURRENCY);
        body.put("estimated_price_messages_sent", ESTIMATED_PRICE);
        body.put("status", searchStatus(snapshot));
        List<Object> eventList = new ArrayList<>();
        for (RequestSnapshot.Event event : events) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", event.eventId());
            entry.put("type", wireChannel(event.channel()));
            eventList.add(entry);
        }
        body.put("events", eventList);
        return body;
    }

    private static String searchStatus(RequestSnapshot snapshot) {
        switch (snapshot.status()) {
            case IN_PROGRESS:
                return "IN PROGRESS";
            case VERIFIED:
                return "SUCCESS";
            case FAILED:
                return "FAILED";
            case CANCELLED:
                return "CANCELLED";
            default:
                return "EXPIRED";
        }
    }

    /** Vonage's name for a channel on the wire: {@code sms} or {@code tts}. */
    static String wireChannel(Channel channel) {
        return channel == Channel.SMS ? "sms" : "tts";
    }

    private static String lastEventId(RequestSnapshot snapshot) {
        List<RequestSnapshot.Event> events = snapshot.events();
        return events.isEmpty() ? "" : events.get(events.size() - 1).eventId();
    }

    private static String date(Instant instant) {
        return SEARCH_DATE.format(instant);
    }

    private static RequestId requestId(Parameters params) {
        return parseRequestId(params.first("request_id").orElseThrow(() -> ApiError.missing("request_id")));
    }

    private static RequestId parseRequestId(String value) {
        try {
            return new RequestId(value);
        } catch (InvalidInputException e) {
            throw ApiError.invalid("request_id");
        }
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> T parse(String name, Parameters params, Parser<T> parser) {
        String value = params.first(name).orElseThrow(() -> ApiError.missing(name));
        try {
            return parser.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(name);
        }
    }

    private static Optional<Integer> optionalInt(Parameters params, String name, int min, int max) {
        Optional<String> value = params.first(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(value.get().strip());
            if (parsed < min || parsed > max) {
                throw ApiError.invalid(name);
            }
            return Optional.of(parsed);
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name);
        }
    }
}
