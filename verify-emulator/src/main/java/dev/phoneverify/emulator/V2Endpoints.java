package dev.phoneverify.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verify v2 over HTTP (facts §2.2-2.6) on the in-process v2 fake: start, check, cancel and next workflow, each
 * after {@link V2Auth}. Success bodies are {@code application/json}; every error is a {@link Problem}. The fake
 * hands its status updates on right after each call, so callbacks leave while the answer is written.
 */
final class V2Endpoints {
    private static final Pattern REQUEST_PATH =
            Pattern.compile("/([^/]+)(/next_workflow|/next-workflow)?/?");

    private final FakeVerificationGateway fake;
    private final V2Auth auth;
    private final V2Requests requests;

    V2Endpoints(FakeVerificationGateway fake, V2Auth auth, V2Requests requests) {
        this.fake = fake;
        this.auth = auth;
        this.requests = requests;
    }

    /** {@code path} is what follows {@code /v2/verify}: empty, {@code /{id}} or {@code /{id}/next_workflow}. */
    void handle(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        try {
            Matcher request = REQUEST_PATH.matcher(path);
            boolean start = path.isEmpty() || path.equals("/");
            if (!start && !request.matches()) {
                throw new ProblemAnswer(Problem.pathNotFound());
            }
            boolean next = !start && request.group(2) != null;
            boolean allowed = method.equals("POST") || (method.equals("DELETE") && !start && !next);
            if (!allowed) {
                exchange.getResponseHeaders().set("Allow", start || next ? "POST" : "POST, DELETE");
                throw new ProblemAnswer(Problem.methodNotAllowed());
            }
            V2Auth.Caller caller = auth.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (start) {
                send(exchange, 202, start(body, caller));
                return;
            }
            Optional<RequestId> id = requestId(request.group(1));
            String rawId = id.map(RequestId::value).orElse("");
            if (next) {
                advance(id, rawId);
                send(exchange, 200, Map.of());
            } else if (method.equals("DELETE")) {
                cancel(id, rawId);
                Exchanges.sendNoContent(exchange);
            } else {
                send(exchange, 200, check(id, rawId, body));
            }
        } catch (ProblemAnswer e) {
            Exchanges.sendProblem(exchange, e.problem());
        } catch (GatewayException e) {
            answerScriptedFault(exchange, e);
        } finally {
            // Outside the fake's lock and after the call: the updates it queued become callbacks now.
            fake.deliverStatusUpdates();
        }
    }

    private Map<String, Object> start(byte[] body, V2Auth.Caller caller) throws ProblemAnswer {
        V2StartBody.Parsed parsed = V2StartBody.parse(body);
        StartOutcome outcome;
        try {
            outcome = fake.start(parsed.start());
        } catch (GatewayException e) {
            if (e.reason() == GatewayException.Reason.MISCONFIGURED) {
                // What the v2 fake refuses on its own is a 422 of the real API (facts §2.3).
                throw new ProblemAnswer(Problem.invalidParameter("body", "The request breaks a rule of Verify v2."));
            }
            throw e;
        }
        // Number rules are read by the first step to a phone; an email-only start has none to break.
        String to = "workflow[" + Math.max(0, parsed.channels().indexOf(parsed.channels().stream()
                .filter(channel -> channel != Channel.EMAIL).findFirst().orElse(Channel.EMAIL))) + "].to";
        List<RequestId> started = new ArrayList<>(1);
        refuseIfPresent(outcome.accept(new StartOutcome.Visitor<Optional<Problem>>() {
            @Override
            public Optional<Problem> started(StartOutcome.Started done) {
                requests.register(done.requestId(), parsed, caller.applicationId(), fake.clock().instant());
                started.add(done.requestId());
                return Optional.empty();
            }

            @Override
            public Optional<Problem> rejected(StartOutcome.Rejected rejected) {
                // v2 refuses such numbers synchronously with 422 and charges nothing (facts §2.3, KB422).
                return Optional.of(Problem.invalidParameter(to, switch (rejected.reason()) {
                    case INVALID_NUMBER -> "'to' phone number is invalid.";
                    case BARRED -> "The number is blocked for verification.";
                    case UNSUPPORTED_NETWORK -> "The number's network is not supported.";
                    case DESTINATION_NOT_PERMITTED -> "The account may not send to this destination.";
                }));
            }

            @Override
            public Optional<Problem> concurrentVerification(StartOutcome.ConcurrentVerification concurrent) {
                return Optional.of(Problem.concurrent(concurrent.inFlight()));
            }
        }));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("request_id", started.get(0).value());
        return answer;
    }

    private Map<String, Object> check(Optional<RequestId> id, String rawId, byte[] body) throws ProblemAnswer {
        Optional<JsonNode> json = JsonBodies.parse(body);
        JsonNode code = json.filter(JsonNode::isObject).map(node -> node.get("code")).orElse(null);
        if (code == null || !code.isTextual() || !code.textValue().matches("[A-Za-z0-9]{4,10}")) {
            throw new ProblemAnswer(Problem.invalidParameter("code", "code is a string of 4 to 10 letters or digits."));
        }
        RequestId requestId = found(id, rawId);
        // Letters too: a custom code may have them (facts §2.3); a wrong code of either kind counts as an attempt.
        refuseIfPresent(fake.check(requestId, VerificationCode.parse(code.textValue(),
                        CodeAlphabet.LETTERS_AND_DIGITS))
                .accept(new CheckOutcome.Visitor<Optional<Problem>>() {
                    @Override
                    public Optional<Problem> correct(CheckOutcome.Correct correct) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Problem> wrongCode(CheckOutcome.WrongCode wrong) {
                        return Optional.of(Problem.invalidCode());
                    }

                    @Override
                    public Optional<Problem> tooManyAttempts(CheckOutcome.TooManyAttempts tooMany) {
                        return Optional.of(Problem.tooManyWrongCodes());
                    }

                    @Override
                    public Optional<Problem> notFound(CheckOutcome.NotFound notFound) {
                        return Optional.of(Problem.requestNotFound(rawId));
                    }
                }));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("request_id", requestId.value());
        answer.put("status", "completed");
        return answer;
    }

    private void cancel(Optional<RequestId> id, String rawId) throws ProblemAnswer {
        refuseIfPresent(fake.cancel(found(id, rawId)).accept(new CancelOutcome.Visitor<Optional<Problem>>() {
            @Override
            public Optional<Problem> cancelled(CancelOutcome.Cancelled cancelled) {
                return Optional.empty();
            }

            @Override
            public Optional<Problem> notPermitted(CancelOutcome.NotPermitted refused) {
                return Optional.of(Problem.cancelRefused());
            }

            @Override
            public Optional<Problem> notFound(CancelOutcome.NotFound notFound) {
                return Optional.of(Problem.requestNotFound(rawId));
            }
        }));
    }

    private void advance(Optional<RequestId> id, String rawId) throws ProblemAnswer {
        refuseIfPresent(fake.advance(found(id, rawId)).accept(new AdvanceOutcome.Visitor<Optional<Problem>>() {
            @Override
            public Optional<Problem> advanced(AdvanceOutcome.Advanced advanced) {
                return Optional.empty();
            }

            @Override
            public Optional<Problem> noStepsLeft(AdvanceOutcome.NoStepsLeft noStepsLeft) {
                return Optional.of(Problem.noEvents());
            }

            @Override
            public Optional<Problem> notFound(AdvanceOutcome.NotFound notFound) {
                return Optional.of(Problem.requestNotFound(rawId));
            }
        }));
    }

    /** The request id, or the 404 a malformed one gets: it names no request. */
    private static RequestId found(Optional<RequestId> id, String rawId) throws ProblemAnswer {
        if (id.isEmpty()) {
            throw new ProblemAnswer(Problem.requestNotFound(rawId));
        }
        return id.get();
    }

    private static void refuseIfPresent(Optional<Problem> problem) throws ProblemAnswer {
        if (problem.isPresent()) {
            throw new ProblemAnswer(problem.get());
        }
    }

    /** A v2 request id is a UUID (facts §2.1); anything else names no request. */
    private static Optional<RequestId> requestId(String raw) {
        try {
            return Optional.of(new RequestId(UUID.fromString(raw).toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void answerScriptedFault(HttpExchange exchange, GatewayException fault) throws IOException {
        V1Endpoints.FaultAnswer answer = switch (fault.reason()) {
            case THROTTLED -> call -> Exchanges.sendProblem(call,
                    Problem.throttled(fault.retryAfter().orElse(Duration.ofSeconds(1))));
            // Closing without an answer is what a client sees when the provider never answers in time.
            case TIMEOUT -> HttpExchange::close;
            case UNAVAILABLE, BAD_RESPONSE, MISCONFIGURED -> call -> Exchanges.sendProblem(call, Problem.unavailable());
        };
        answer.sendTo(exchange);
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        Exchanges.sendJson(exchange, status, Json.write(body));
    }
}
