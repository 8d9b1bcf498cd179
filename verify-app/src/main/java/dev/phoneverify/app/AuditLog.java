package dev.phoneverify.app;

import dev.phoneverify.core.usecase.ConversionAlarm;
import dev.phoneverify.core.usecase.ConversionAlarmListener;
import dev.phoneverify.core.usecase.VerificationEvent;
import dev.phoneverify.core.usecase.VerificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every verification event with its id and masked number, never a code; and every conversion alarm change,
 * as a warning when raised, since it is the sign of SMS pumping someone should look at.
 */
final class AuditLog implements VerificationListener, ConversionAlarmListener {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    @Override
    public void onEvent(VerificationEvent event) {
        if (LOG.isInfoEnabled()) {
            // PhoneNumber.toString() is masked.
            LOG.info("verification {} for {}: {}, now {} on {}", event.flow().id(), event.flow().number(),
                    what(event.kind()), event.flow().state(), event.flow().channel());
        }
    }

    /** The event's name in the log, as the log has always named it; a new kind is a compile error here. */
    private static String what(VerificationEvent.Kind kind) {
        return switch (kind) {
            case STARTED -> "Started";
            case CODE_ACCEPTED -> "CodeAccepted";
            case CODE_REJECTED -> "CodeRejected";
            case VERIFIED -> "Verified";
            case FAILED -> "Failed";
            case EXPIRED -> "Expired";
            case CANCELLED -> "Cancelled";
            case ADVANCED -> "Advanced";
        };
    }

    @Override
    public void onAlarm(ConversionAlarm alarm) {
        boolean raised = switch (alarm.state()) {
            case RAISED -> true;
            case CLEARED -> false;
        };
        if (raised) {
            LOG.warn("conversion alarm RAISED for calling code {}: {} of {} verifications started in the window were"
                    + " verified; possible SMS pumping", alarm.callingCode(), alarm.counts().verified(),
                    alarm.counts().started());
        } else {
            LOG.info("conversion alarm CLEARED for calling code {}: {} of {} verified", alarm.callingCode(),
                    alarm.counts().verified(), alarm.counts().started());
        }
    }
}
