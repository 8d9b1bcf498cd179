package dev.phoneverify.adapter.vonage.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.ProviderUpdate.EndStatus;
import dev.phoneverify.core.usecase.ProviderUpdate.RequestEnded;
import dev.phoneverify.core.usecase.ProviderUpdate.StepStatus;
import dev.phoneverify.core.usecase.ProviderUpdate.StepUpdate;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a v2 callback body (facts 2.7-2.8) into the core's updates. Parsed with Jackson rather than the SDK's
 * {@code VerificationCallback}, which turns {@code rejected} and {@code blocked} into null (facts 3.6.5).
 *
 * <p>The mapping:
 * <ul>
 *   <li>{@code event} {@code completed}: the step completed;</li>
 *   <li>{@code event} {@code expired}, {@code failed}, {@code rejected} or {@code user_rejected}: the step ended
 *       that way, and the workflow's next step, if any, started at the event's {@code finalized_at};</li>
 *   <li>{@code event} {@code blocked}: the request ended blocked (Vonage's fraud rules stop the whole request);</li>
 *   <li>{@code summary} {@code completed}, {@code failed}, {@code expired}, {@code blocked} or {@code cancelled}:
 *       the request ended so;</li>
 *   <li>anything else ({@code action_pending}, a channel or status this library does not know): no update.</li>
 * </ul>
 */
final class CallbackParser {
    private final ObjectMapper json = new ObjectMapper();
    private final Workflow workflow;

    /** A callback whose body is not JSON of either shape. */
    static final class MalformedCallbackException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedCallbackException(String message) {
            super(message, null, false, false);
        }
    }

    /** What a callback said, for the log, and the updates it means. */
    record Parsed(RequestId requestId, String type, String status, List<ProviderUpdate> updates) {
    }

    CallbackParser(Workflow workflow) {
        this.workflow = workflow;
    }

    Parsed parse(byte[] body, Instant receivedAt) throws MalformedCallbackException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new MalformedCallbackException("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedCallbackException("the body is not a JSON object");
        }
        RequestId requestId = requestId(root);
        String type = text(root, "type").orElseThrow(() -> new MalformedCallbackException("the callback has no type"));
        String status = text(root, "status").orElse("").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "event" -> new Parsed(requestId, type, status, event(root, requestId, status, receivedAt));
            case "summary" -> new Parsed(requestId, type, status, summary(root, requestId, status, receivedAt));
            default -> throw new MalformedCallbackException("the callback's type is neither event nor summary");
        };
    }

    private List<ProviderUpdate> event(JsonNode root, RequestId requestId, String status, Instant receivedAt)
            throws MalformedCallbackException {
        Instant at = instant(root, "finalized_at").or(() -> instantOrEmpty(root, "triggered_at")).orElse(receivedAt);
        if (status.equals("blocked")) {
            return List.of(new RequestEnded(requestId, EndStatus.BLOCKED, at));
        }
        Optional<Channel> channel = text(root, "channel").flatMap(CallbackParser::channel);
        Optional<StepStatus> stepStatus = switch (status) {
            case "completed" -> Optional.of(StepStatus.COMPLETED);
            case "expired" -> Optional.of(StepStatus.EXPIRED);
            case "failed", "rejected", "user_rejected" -> Optional.of(StepStatus.FAILED);
            default -> Optional.empty();
        };
        if (channel.isEmpty() || stepStatus.isEmpty()) {
            return List.of();
        }
        List<ProviderUpdate> updates = new ArrayList<>(2);
        updates.add(new StepUpdate(requestId, channel.get(), stepStatus.get(), at));
        if (stepStatus.get() != StepStatus.COMPLETED) {
            stepAfter(channel.get()).ifPresent(next -> updates.add(
                    new StepUpdate(requestId, next, StepStatus.STARTED, at)));
        }
        return updates;
    }

    private static List<ProviderUpdate> summary(JsonNode root, RequestId requestId, String status,
                                                Instant receivedAt) throws MalformedCallbackException {
        Instant at = instant(root, "finalized_at").or(() -> instantOrEmpty(root, "submitted_at")).orElse(receivedAt);
        Optional<EndStatus> end = switch (status) {
            case "completed" -> Optional.of(EndStatus.COMPLETED);
            case "failed" -> Optional.of(EndStatus.FAILED);
            case "expired" -> Optional.of(EndStatus.EXPIRED);
            case "blocked" -> Optional.of(EndStatus.BLOCKED);
            case "cancelled" -> Optional.of(EndStatus.CANCELLED);
            default -> Optional.empty();
        };
        return end.<List<ProviderUpdate>>map(s -> List.of(new RequestEnded(requestId, s, at))).orElse(List.of());
    }

    /**
     * The step after the first one on {@code channel}. A workflow that names a channel twice (sms,voice,sms) moves
     * from its first occurrence; the core drops a step start older than the flow's own, which covers the rest.
     */
    private Optional<Channel> stepAfter(Channel channel) {
        List<Channel> channels = workflow.channels();
        int index = channels.indexOf(channel);
        return index >= 0 && index + 1 < channels.size() ? Optional.of(channels.get(index + 1)) : Optional.empty();
    }

    private static Optional<Channel> channel(String name) {
        try {
            return Optional.of(Channel.parse(name));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static RequestId requestId(JsonNode root) throws MalformedCallbackException {
        Optional<String> id = text(root, "request_id");
        if (id.isEmpty()) {
            throw new MalformedCallbackException("the callback has no request_id");
        }
        try {
            return new RequestId(id.get());
        } catch (InvalidInputException e) {
            throw new MalformedCallbackException("the callback's request_id is malformed");
        }
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText())
                : Optional.empty();
    }

    private static Optional<Instant> instant(JsonNode root, String field) throws MalformedCallbackException {
        Optional<String> text = text(root, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw new MalformedCallbackException("the callback's " + field + " is not an ISO 8601 UTC time");
        }
    }

    private static Optional<Instant> instantOrEmpty(JsonNode root, String field) {
        try {
            return instant(root, field);
        } catch (MalformedCallbackException e) {
            return Optional.empty();
        }
    }
}
