package dev.phoneverify.core.service;

import dev.phoneverify.core.usecase.ConversionAlarm;
import dev.phoneverify.core.usecase.ConversionAlarmListener;
import dev.phoneverify.core.usecase.VerificationEvent;
import dev.phoneverify.core.usecase.VerificationListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers events once their change is stored: first the abuse controls' books are settled, then the listeners
 * hear the events, then any conversion alarm the books raised. A failing listener or book is logged; the change stands.
 */
final class EventPublisher {
    private static final System.Logger LOG = System.getLogger(EventPublisher.class.getName());

    private final AbuseGuard abuseGuard;
    private final List<VerificationListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ConversionAlarmListener> alarmListeners = new CopyOnWriteArrayList<>();

    EventPublisher(AbuseGuard abuseGuard) {
        this.abuseGuard = abuseGuard;
    }

    void addListener(VerificationListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(VerificationListener listener) {
        listeners.remove(listener);
    }

    void addAlarmListener(ConversionAlarmListener listener) {
        alarmListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeAlarmListener(ConversionAlarmListener listener) {
        alarmListeners.remove(listener);
    }

    /**
     * Delivers {@code events} once their change is stored, after settling the books their writes kept (or left
     * to keep); alarm changes go out last.
     */
    void publish(List<VerificationEvent> events, List<AbuseGuard.Settlement> settlements) {
        List<ConversionAlarm> alarms = new ArrayList<>(0);
        for (AbuseGuard.Settlement settlement : settlements) {
            try {
                alarms.addAll(abuseGuard.settle(settlement));
            } catch (RuntimeException e) {
                // Losing one count only makes a control a little more lenient for a while.
                LOG.log(System.Logger.Level.WARNING, "abuse controls could not record a change; the change stands",
                        e);
            }
        }
        for (VerificationEvent event : events) {
            for (VerificationListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a verification listener failed on " + event.kind()
                            + "; the change stands", e);
                }
            }
        }
        alarms.forEach(this::publishAlarm);
    }

    private void publishAlarm(ConversionAlarm alarm) {
        for (ConversionAlarmListener listener : alarmListeners) {
            try {
                listener.onAlarm(alarm);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a conversion alarm listener failed", e);
            }
        }
    }
}
