package dev.phoneverify.app;

import dev.phoneverify.core.service.VerificationEvent;
import dev.phoneverify.core.service.VerificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every verification event with its id and masked number; never a code. */
final class AuditLog implements VerificationListener {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    @Override
    public void onEvent(VerificationEvent event) {
        if (LOG.isInfoEnabled()) {
            // PhoneNumber.toString() is masked.
            LOG.info("verification {} for {}: {}, now {} on {}", event.flow().id(), event.flow().number(),
                    event.getClass().getSimpleName(), event.flow().state(), event.flow().channel());
        }
    }
}
