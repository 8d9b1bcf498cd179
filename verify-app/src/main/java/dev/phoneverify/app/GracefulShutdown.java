package dev.phoneverify.app;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGTERM does (run as a JVM shutdown hook): the server stops taking requests, those in flight finish for at
 * most the grace ({@code VERIFY_SHUTDOWN_GRACE_SECONDS}), then the background work stops and the database pool
 * closes. Every store change is one statement, so a request cut off by the end of the grace leaves no flow
 * half-written.
 */
final class GracefulShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final RunningApp app;
    private final Duration grace;

    GracefulShutdown(RunningApp app, Duration grace) {
        this.app = app;
        this.grace = grace;
    }

    /** Stops the app as described above; returns one line saying how it went, for the console. */
    String stop() {
        int unfinished = app.shutDown(grace);
        String line = unfinished == 0 ? "phone-verify: stopped; every request in flight finished"
                : "phone-verify: stopped after the " + grace.toSeconds() + " s grace with " + unfinished
                        + " request(s) unfinished";
        LOG.info(line);
        return line;
    }
}
