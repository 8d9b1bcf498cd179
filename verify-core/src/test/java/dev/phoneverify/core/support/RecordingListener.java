package dev.phoneverify.core.support;

import dev.phoneverify.core.usecase.VerificationEvent;
import dev.phoneverify.core.usecase.VerificationListener;
import java.util.ArrayList;
import java.util.List;

/** Test listener that keeps every event it receives, in order. Thread-safe. */
public final class RecordingListener implements VerificationListener {
    private final List<VerificationEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(VerificationEvent event) {
        events.add(event);
    }

    public synchronized List<VerificationEvent> events() {
        return List.copyOf(events);
    }

    /** The kinds of event received, in order: {@code [STARTED, CODE_ACCEPTED, VERIFIED]}. */
    public synchronized List<VerificationEvent.Kind> kinds() {
        return events.stream().map(VerificationEvent::kind).toList();
    }

    /** Forgets what was received so far, so a test can look at what one command emits. */
    public synchronized void clear() {
        events.clear();
    }
}
