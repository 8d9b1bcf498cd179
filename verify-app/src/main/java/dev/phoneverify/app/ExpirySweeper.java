package dev.phoneverify.app;

import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.usecase.FindVerification;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Expires due verifications every second, so expiry events fire even for flows nobody looks at again. */
final class ExpirySweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
    private static final int BATCH = 1000;

    private final FindVerification finds;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "phone-verify-expiry");
        thread.setDaemon(true);
        return thread;
    });

    ExpirySweeper(FindVerification finds) {
        this.finds = finds;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    private void sweep() {
        try {
            finds.expireDue(BATCH);
        } catch (StoreUnavailableException e) {
            // During a database outage this fails every second; the requests' 503s tell the story, the trace adds nothing.
            LOG.warn("expiring due verifications failed: {}", e.getMessage());
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
