package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.Exchanges.send;

import com.sun.net.httpserver.HttpExchange;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.Operation;
import dev.phoneverify.core.domain.PhoneNumber;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scripted faults over HTTP, for clients that cannot reach the fakes in-process (the runnable jar):
 * {@code POST /_emulator/fault?api=v1|v2&operation=start|check|cancel|next&kind=fail|timeout|lose-answer|throttle}
 * and {@code POST /_emulator/number?api=v1|v2&number=N&rule=barred|unsupported-network|invalid|throttled|allowed}.
 * They call the same methods a Java test calls on the fake ({@code failNext}, {@code barNumber}, ...).
 */
final class FaultEndpoints {
    private final FakeVerificationGateway v1;
    private final FakeVerificationGateway v2;

    FaultEndpoints(FakeVerificationGateway v1, FakeVerificationGateway v2) {
        this.v1 = v1;
        this.v2 = v2;
    }

    void fault(HttpExchange exchange, Parameters params) throws IOException {
        Optional<FakeVerificationGateway> fake = fakeOf(params);
        Optional<Operation> operation = params.first("operation").flatMap(FaultEndpoints::operation);
        String kind = params.first("kind").orElse("").toLowerCase(Locale.ROOT);
        if (fake.isEmpty() || operation.isEmpty()) {
            send(exchange, 400, Map.of("error", "api is v1 or v2; operation is start, check, cancel or next"));
            return;
        }
        switch (kind) {
            case "fail" -> fake.get().failNext(operation.get());
            case "timeout" -> fake.get().timeOutNext(operation.get());
            case "lose-answer" -> fake.get().loseNextAnswer(operation.get());
            case "throttle" -> {
                if (operation.get() != Operation.START) {
                    send(exchange, 400, Map.of("error", "only a start can be throttled"));
                    return;
                }
                fake.get().throttleNext();
            }
            default -> {
                send(exchange, 400, Map.of("error", "kind is fail, timeout, lose-answer or throttle"));
                return;
            }
        }
        send(exchange, 200, Map.of("fault", kind));
    }

    void numberRule(HttpExchange exchange, Parameters params) throws IOException {
        Optional<FakeVerificationGateway> fake = fakeOf(params);
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(params.first("number").orElse(""));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, Map.of("error", "number is not a phone number in E.164 form"));
            return;
        }
        if (fake.isEmpty()) {
            send(exchange, 400, Map.of("error", "api is v1 or v2"));
            return;
        }
        String rule = params.first("rule").orElse("").toLowerCase(Locale.ROOT);
        switch (rule) {
            case "barred" -> fake.get().barNumber(number);
            case "unsupported-network" -> fake.get().unsupportedNetwork(number);
            case "invalid" -> fake.get().invalidNumber(number);
            case "throttled" -> fake.get().throttleNumber(number);
            case "allowed" -> fake.get().allowNumber(number);
            default -> {
                send(exchange, 400, Map.of("error",
                        "rule is barred, unsupported-network, invalid, throttled or allowed"));
                return;
            }
        }
        send(exchange, 200, Map.of("rule", rule));
    }

    private Optional<FakeVerificationGateway> fakeOf(Parameters params) {
        return switch (params.first("api").orElse("v1").toLowerCase(Locale.ROOT)) {
            case "v1" -> Optional.of(v1);
            case "v2" -> Optional.of(v2);
            default -> Optional.empty();
        };
    }

    private static Optional<Operation> operation(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "start" -> Optional.of(Operation.START);
            case "check" -> Optional.of(Operation.CHECK);
            case "cancel" -> Optional.of(Operation.CANCEL);
            case "next" -> Optional.of(Operation.ADVANCE);
            default -> Optional.empty();
        };
    }
}
