package dev.phoneverify.core.usecase;

/**
 * Receives every {@link ConversionAlarm} change, for logs, health checks and paging someone. Called on the thread
 * whose command caused the change; an exception thrown here is logged and ignored.
 */
@FunctionalInterface
public interface ConversionAlarmListener {
    void onAlarm(ConversionAlarm alarm);
}
