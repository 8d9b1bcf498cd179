package dev.phoneverify.emulator;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.usecase.ProviderUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The v2 requests started over HTTP, as far as their callbacks need them: what the start said (steps, timeout,
 * {@code client_ref}, application) and where each step stands. Turns the fake's status updates into the callbacks
 * of facts §2.8: an {@code event} per step outcome and a {@code summary} when the request ends.
 */
final class V2Requests {
    /** Updates of requests not (yet) registered are kept at most this many, then dropped. */
    private static final int MAX_EARLY = 10_000;

    private final Optional<CallbackSender> sender;
    private final Object lock = new Object();
    // Guarded by lock.
    private final Map<RequestId, V2Callbacks> tracked = new HashMap<>();
    private final Map<RequestId, List<ProviderUpdate>> early = new HashMap<>();

    V2Requests(Optional<CallbackSender> sender) {
        this.sender = sender;
    }

    /** A start answered 202; updates that raced ahead of this are applied now. */
    void register(RequestId id, V2StartBody.Parsed start, Optional<String> applicationId, Instant submittedAt) {
        if (sender.isEmpty()) {
            return;
        }
        List<Callback> out = new ArrayList<>();
        synchronized (lock) {
            V2Callbacks callbacks = new V2Callbacks(id, start.channels(), start.channelTimeout(), start.clientRef(),
                    applicationId, submittedAt);
            tracked.put(id, callbacks);
            for (ProviderUpdate update : early.getOrDefault(id, List.of())) {
                apply(callbacks, update, out);
            }
            early.remove(id);
        }
        send(out);
    }

    /** The fake's sink: called outside its lock, in the order the updates happened. */
    void onUpdate(ProviderUpdate update) {
        List<Callback> out = new ArrayList<>();
        synchronized (lock) {
            V2Callbacks callbacks = tracked.get(update.requestId());
            if (callbacks == null) {
                if (early.size() >= MAX_EARLY) {
                    early.clear();
                }
                early.computeIfAbsent(update.requestId(), id -> new ArrayList<>(2)).add(update);
                return;
            }
            apply(callbacks, update, out);
        }
        send(out);
    }

    void clear() {
        synchronized (lock) {
            tracked.clear();
            early.clear();
        }
    }

    private void apply(V2Callbacks callbacks, ProviderUpdate update, List<Callback> out) {
        out.addAll(callbacks.apply(update));
        if (callbacks.ended()) {
            tracked.remove(callbacks.id());
        }
    }

    private void send(List<Callback> out) {
        for (Callback callback : out) {
            sender.orElseThrow().send(callback.type(), callback.requestId().value(), callback.applicationId(),
                    Json.write(callback.body()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One callback to send: its JSON members in order. */
    record Callback(String type, RequestId requestId, Optional<String> applicationId, Map<String, Object> body) {
    }

    /** The JSON of an event callback (facts §2.8), {@code client_ref} when the start had one. */
    static Map<String, Object> eventBody(RequestId id, Instant triggeredAt, Channel channel, String status,
                                         Instant finalizedAt, Optional<String> clientRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", id.value());
        body.put("triggered_at", Timestamps.format(triggeredAt));
        body.put("type", "event");
        body.put("channel", channel.wireName());
        body.put("status", status);
        body.put("finalized_at", Timestamps.format(finalizedAt));
        clientRef.ifPresent(ref -> body.put("client_ref", ref));
        return body;
    }
}
