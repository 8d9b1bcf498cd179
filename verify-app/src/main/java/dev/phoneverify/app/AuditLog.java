package dev.phoneverify.app;

import dev.phoneverify.core.service.ConversionAlarm;
import dev.phoneverify.core.service.ConversionAlarmListener;
import dev.phoneverify.core.service.VerificationEvent;
import dev.phoneverify.core.service.VerificationListener;
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
                    event.getClass().getSimpleName(), event.flow().state(), event.flow().channel());
        }
    }

    @Override
    public void onAlarm(ConversionAlarm alarm) {
        if (alarm.state() == ConversionAlarm.State.RAISED) {
            LOG.warn("conversion alarm RAISED for calling code {}: {} of {} verifications started in the window were"
                    + " verified; possible SMS pumping", alarm.callingCode(), alarm.counts().verified(),
                    alarm.counts().started());
        } else {
            LOG.info("conversion alarm CLEARED for calling code {}: {} of {} verified", alarm.callingCode(),
                    alarm.counts().verified(), alarm.counts().started());
        }
    }
}
