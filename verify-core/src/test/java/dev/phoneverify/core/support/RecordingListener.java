package dev.phoneverify.core.support;

import dev.phoneverify.core.service.VerificationEvent;
import dev.phoneverify.core.service.VerificationListener;
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

    /** The kinds of event received, in order: {@code [Started, CodeChecked, Verified]}. */
    public synchronized List<Class<?>> kinds() {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }
}
