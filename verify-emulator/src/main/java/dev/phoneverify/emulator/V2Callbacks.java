package dev.phoneverify.emulator;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.ProviderUpdate.EndStatus;
import dev.phoneverify.core.usecase.ProviderUpdate.StepStatus;
import dev.phoneverify.emulator.V2Requests.Callback;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One v2 request's steps as its callbacks show them (facts §2.7-2.8), fed by the fake's updates in order. Not
 * thread-safe: {@link V2Requests} calls it under its lock.
 *
 * <p>Where the facts are silent (our choices): a step whose time ran out gets an {@code event} with status
 * {@code expired} (a status the SDK parses); a step left by {@code next_workflow} shows {@code expired} in the
 * summary, without an event of its own; a cancelled request gets no callback, as nothing documents one.
 */
final class V2Callbacks {
    private static final String EVENT = "event";
    private static final String SUMMARY = "summary";

    private final RequestId id;
    private final List<Channel> channels;
    private final Duration channelTimeout;
    private final Optional<String> clientRef;
    private final Optional<String> applicationId;
    private final Instant submittedAt;
    private final Instant[] initiatedAt;
    private final String[] status;
    private int current = -1;
    private boolean ended;

    V2Callbacks(RequestId id, List<Channel> channels, Duration channelTimeout, Optional<String> clientRef,
                Optional<String> applicationId, Instant submittedAt) {
        this.id = id;
        this.channels = List.copyOf(channels);
        this.channelTimeout = channelTimeout;
        this.clientRef = clientRef;
        this.applicationId = applicationId;
        this.submittedAt = submittedAt;
        this.initiatedAt = new Instant[channels.size()];
        this.status = new String[channels.size()];
    }

    RequestId id() {
        return id;
    }

    boolean ended() {
        return ended;
    }

    /** The callbacks {@code update} causes, in the order to send them. */
    List<Callback> apply(ProviderUpdate update) {
        List<Callback> out = new ArrayList<>(2);
        update.accept(new ProviderUpdate.Visitor<Void>() {
            @Override
            public Void step(ProviderUpdate.StepUpdate step) {
                onStep(step.status(), step.at(), out);
                return null;
            }

            @Override
            public Void ended(ProviderUpdate.RequestEnded end) {
                onEnd(end.status(), end.at(), out);
                return null;
            }
        });
        return out;
    }

    private void onStep(StepStatus stepStatus, Instant at, List<Callback> out) {
        Optional<String> outcome = switch (stepStatus) {
            case STARTED -> Optional.empty();
            case COMPLETED -> Optional.of("completed");
            case FAILED -> Optional.of("failed");
            case EXPIRED -> Optional.of("expired");
        };
        if (outcome.isPresent()) {
            stepOutcome(outcome.get(), at, out);
            return;
        }
        if (current >= 0 && status[current] == null) {
            // Left by next_workflow before it converted or timed out.
            status[current] = "expired";
        }
        if (current + 1 < channels.size()) {
            current++;
            initiatedAt[current] = at;
        }
    }

    private void onEnd(EndStatus endStatus, Instant at, List<Callback> out) {
        ended = true;
        String summary = switch (endStatus) {
            case COMPLETED -> "completed";
            case FAILED, BLOCKED -> "failed";
            case EXPIRED -> "expired";
            case CANCELLED -> null;
        };
        if (summary == null) {
            return;
        }
        if (summary.equals("failed") && current >= 0 && status[current] == null) {
            stepOutcome("failed", at, out);
        }
        out.add(new Callback(SUMMARY, id, applicationId, summaryBody(summary, at)));
    }

    private void stepOutcome(String outcome, Instant at, List<Callback> out) {
        if (current < 0 || status[current] != null) {
            return;
        }
        status[current] = outcome;
        out.add(new Callback(EVENT, id, applicationId, V2Requests.eventBody(id, initiatedAt[current],
                channels.get(current), outcome, at, clientRef)));
    }

    private Map<String, Object> summaryBody(String requestStatus, Instant finalizedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", id.value());
        body.put("submitted_at", Timestamps.format(submittedAt));
        body.put("status", requestStatus);
        body.put("type", SUMMARY);
        body.put("channel_timeout", channelTimeout.toSeconds());
        List<Object> workflow = new ArrayList<>(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("channel", channels.get(i).wireName());
            if (initiatedAt[i] != null) {
                step.put("initiated_at", Timestamps.format(initiatedAt[i]));
            }
            step.put("status", status[i] != null ? status[i] : initiatedAt[i] != null ? "expired" : "unused");
            workflow.add(step);
        }
        body.put("workflow", workflow);
        body.put("finalized_at", Timestamps.format(finalizedAt));
        clientRef.ifPresent(ref -> body.put("client_ref", ref));
        return body;
    }
}
