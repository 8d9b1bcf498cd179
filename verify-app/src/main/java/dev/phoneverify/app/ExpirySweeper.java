package dev.phoneverify.app;

import dev.phoneverify.core.service.VerificationService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Expires due verifications every second, so expiry events fire even for flows nobody looks at again. */
final class ExpirySweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
    private static final int BATCH = 1000;

    private final VerificationService service;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "phone-verify-expiry");
        thread.setDaemon(true);
        return thread;
    });

    ExpirySweeper(VerificationService service) {
        this.service = service;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    private void sweep() {
        try {
            service.expireDue(BATCH);
        } catch (RuntimeException e) {
            // A failed sweep must not cancel the schedule; the next one tries again.
            LOG.warn("expiring due verifications failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
