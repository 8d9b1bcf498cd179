package dev.phoneverify.emulator;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.vonage.model.V1Status;
import dev.phoneverify.vonage.model.V1Timings;
import dev.phoneverify.vonage.model.V1Workflow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Verify v1's request, check and control endpoints over the fake (search is {@link SearchAnswer}): reads Vonage's
 * parameters, calls the simulator, and builds the JSON bodies of facts §3.7. Parameter problems are thrown as
 * {@link ApiError}; the caller checked the credentials.
 */
final class VerifyApi {
    static final String PRICE = "0.10000000";
    static final String CURRENCY = "EUR";
    static final String ESTIMATED_PRICE = "0.03330000";
    private static final int MAX_REQUEST_ID_LENGTH = 32;

    private final FakeVerificationGateway fake;
    private final SearchAnswer search;

    VerifyApi(FakeVerificationGateway fake, String accountId) {
        this.fake = fake;
        this.search = new SearchAnswer(fake, accountId);
    }

    /** {@code /verify/json}: facts §1.2. */
    Map<String, Object> request(Parameters params) {
        PhoneNumber number = parse("number", params, PhoneNumber::parse);
        Brand brand = parse("brand", params, Brand::new);
        return start(params, number, brand, requestId -> { });
    }

    /**
     * A start with the parameters {@code /verify/json} and {@code /verify/psd2/json} share (facts §1.2-1.3):
     * {@code code_length}, {@code workflow_id}, {@code pin_expiry}, {@code next_event_wait}; {@code onStarted} hears
     * the new request's id before the answer is built.
     */
    Map<String, Object> start(Parameters params, PhoneNumber number, Brand brand, Consumer<RequestId> onStarted) {
        int codeLength = optionalInt(params, "code_length", 4, 6).orElse(4);
        if (codeLength != 4 && codeLength != 6) {
            throw ApiError.invalid("code_length");
        }
        V1Timings timings = fake.defaultTimings();
        Optional<Integer> workflowId = optionalInt(params, "workflow_id", 1, 7);
        if (workflowId.isPresent()) {
            timings = timings.withWorkflow(V1Workflow.byId(workflowId.get()));
        }
        Optional<Integer> pinExpiry = optionalInt(params, "pin_expiry", 60, 3600);
        if (pinExpiry.isPresent()) {
            timings = timings.withPinExpiry(Duration.ofSeconds(pinExpiry.get()));
        }
        Optional<Integer> nextEventWait = optionalInt(params, "next_event_wait", 60, 900);
        if (nextEventWait.isPresent()) {
            timings = timings.withNextEventWait(Duration.ofSeconds(nextEventWait.get()));
        }
        if (params.first("pin_code").isPresent()) {
            // Custom PINs need Vonage to enable them on the account; the emulated account has them off (facts §1.5).
            throw new ApiError("20", "This account does not support the parameter: pin_code.");
        }
        StartRequest start = StartRequest.of(number, brand, codeLength, FakeVerificationGateway.workflowOf(timings));
        return fake.start(start, timings).accept(new StartOutcome.Visitor<>() {
            @Override
            public Map<String, Object> started(StartOutcome.Started started) {
                onStarted.accept(started.requestId());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("request_id", started.requestId().value());
                body.put("status", "0");
                return body;
            }

            @Override
            public Map<String, Object> rejected(StartOutcome.Rejected rejected) {
                return rejection(rejected.reason());
            }

            @Override
            public Map<String, Object> concurrentVerification(StartOutcome.ConcurrentVerification concurrent) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("request_id", concurrent.inFlight().value());
                body.put("status", "10");
                body.put("error_text", V1Status.ALREADY_REQUESTED.meaning());
                return body;
            }
        });
    }

    private static Map<String, Object> rejection(StartOutcome.RejectionReason reason) {
        return switch (reason) {
            case BARRED -> {
                // Vonage names the network and gives no request id for a barred number (facts §1.5).
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "7");
                body.put("network", "23410");
                body.put("error_text", "The number you are trying to verify is blacklisted for verification.");
                yield body;
            }
            case UNSUPPORTED_NETWORK -> startError("15", "The destination number is not in a supported network");
            case DESTINATION_NOT_PERMITTED -> startError("29", "Non-Permitted Destination");
            case INVALID_NUMBER -> startError("3", "Invalid value for param: number");
        };
    }

    private static Map<String, Object> startError(String status, String errorText) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", "");
        body.put("status", status);
        body.put("error_text", errorText);
        return body;
    }

    /** {@code /verify/check/json}: facts §1.3 Check. */
    Map<String, Object> check(Parameters params) {
        RequestId requestId = requestId(params);
        String rawCode = params.first("code").orElseThrow(() -> ApiError.missing("code"));
        if (rawCode.length() < 4 || rawCode.length() > 6) {
            throw ApiError.invalid("code");
        }
        VerificationCode code = parse("code", params, VerificationCode::parse);
        return fake.check(requestId, code).accept(new CheckOutcome.Visitor<>() {
            @Override
            public Map<String, Object> correct(CheckOutcome.Correct correct) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("request_id", requestId.value());
                body.put("event_id", fake.snapshot(requestId).map(SearchAnswer::lastEventId).orElse(""));
                body.put("status", "0");
                body.put("price", PRICE);
                body.put("currency", CURRENCY);
                body.put("estimated_price_messages_sent", ESTIMATED_PRICE);
                return body;
            }

            @Override
            public Map<String, Object> wrongCode(CheckOutcome.WrongCode wrong) {
                return checkError("16", V1Status.INVALID_CODE.meaning());
            }

            @Override
            public Map<String, Object> tooManyAttempts(CheckOutcome.TooManyAttempts tooMany) {
                return checkError("17", V1Status.WRONG_CODE_THROTTLED.meaning());
            }

            @Override
            public Map<String, Object> notFound(CheckOutcome.NotFound notFound) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "6");
                body.put("error_text", "The Vonage platform was unable to process this message for the following "
                        + "reason: Request '" + requestId.value() + "' was not found or it has been verified already.");
                return body;
            }

            private Map<String, Object> checkError(String status, String errorText) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("request_id", requestId.value());
                body.put("status", status);
                body.put("error_text", errorText);
                return body;
            }
        });
    }

    /** {@code /verify/control/json}: facts §1.3 Control and §1.6. */
    Map<String, Object> control(Parameters params) {
        RequestId requestId = requestId(params);
        String command = params.first("cmd").orElseThrow(() -> ApiError.missing("cmd"));
        if (command.equals("cancel")) {
            return fake.cancel(requestId).accept(new CancelOutcome.Visitor<>() {
                @Override
                public Map<String, Object> cancelled(CancelOutcome.Cancelled cancelled) {
                    return success(command);
                }

                @Override
                public Map<String, Object> notPermitted(CancelOutcome.NotPermitted refused) {
                    return controlError("19", switch (refused.reason()) {
                        case TOO_EARLY -> "Verification request ['" + requestId.value()
                                + "'] can't be cancelled within the first 30 seconds.";
                        // The double space after "request" is in Vonage's text (facts §1.5).
                        case TOO_LATE, UNSPECIFIED -> "Verification request  ['" + requestId.value()
                                + "'] can't be cancelled now. Too many attempts to re-deliver have already been made.";
                    });
                }

                @Override
                public Map<String, Object> notFound(CancelOutcome.NotFound notFound) {
                    return notActive(requestId);
                }
            });
        }
        if (command.equals("trigger_next_event")) {
            return fake.advance(requestId).accept(new AdvanceOutcome.Visitor<>() {
                @Override
                public Map<String, Object> advanced(AdvanceOutcome.Advanced advanced) {
                    return success(command);
                }

                @Override
                public Map<String, Object> noStepsLeft(AdvanceOutcome.NoStepsLeft noStepsLeft) {
                    return controlError("19", "No more events are left to execute for the request ['"
                            + requestId.value() + "']");
                }

                @Override
                public Map<String, Object> notFound(AdvanceOutcome.NotFound notFound) {
                    return notActive(requestId);
                }
            });
        }
        throw ApiError.invalid("cmd");
    }

    /** {@code /verify/search/json}. */
    Map<String, Object> search(Parameters params) {
        return search.answer(params);
    }

    private static Map<String, Object> notActive(RequestId requestId) {
        return controlError("6", "The requestId '" + requestId.value() + "' does not exist or its no longer active.");
    }

    private static Map<String, Object> controlError(String status, String errorText) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error_text", errorText);
        return body;
    }

    private static Map<String, Object> success(String command) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "0");
        body.put("command", command);
        return body;
    }

    private static RequestId requestId(Parameters params) {
        return parseRequestId(params.first("request_id").orElseThrow(() -> ApiError.missing("request_id")));
    }

    /** A v1 request id: at most 32 characters (facts §1.2), more than the core's opaque ids allow for v2. */
    static RequestId parseRequestId(String value) {
        if (value.length() > MAX_REQUEST_ID_LENGTH) {
            throw ApiError.invalid("request_id");
        }
        try {
            return new RequestId(value);
        } catch (InvalidInputException e) {
            throw ApiError.invalid("request_id");
        }
    }

    interface Parser<T> {
        T parse(String value);
    }

    static <T> T parse(String name, Parameters params, Parser<T> parser) {
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
