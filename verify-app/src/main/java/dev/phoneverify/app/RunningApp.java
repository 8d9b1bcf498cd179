package dev.phoneverify.app;

import com.google.inject.Injector;
import dev.phoneverify.app.web.WebServer;
import java.net.URI;
import java.time.Duration;

/** A started app: where it listens, and how to stop it. */
public final class RunningApp implements AutoCloseable {
    private final Injector injector;
    private final WebServer server;
    private final ExpirySweeper sweeper;
    private final StoreMaintenance storeMaintenance;
    private final int port;
    private final String summary;

    RunningApp(Injector injector, WebServer server, ExpirySweeper sweeper, StoreMaintenance storeMaintenance,
               int port, String summary) {
        this.injector = injector;
        this.server = server;
        this.sweeper = sweeper;
        this.storeMaintenance = storeMaintenance;
        this.port = port;
        this.summary = summary;
    }

    /** One line for the console: address, gateway (and its URL), store, brand; never a secret. */
    public String summary() {
        return summary;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The app's injector, so tests reach the tester's API of the fake it runs on. */
    Injector injector() {
        return injector;
    }

    /**
     * Stops taking requests, lets those in flight finish for at most {@code grace}, then stops the background work
     * and the store beneath them. Returns how many requests were still running when the grace ended.
     */
    int shutDown(Duration grace) {
        int unfinished;
        try {
            unfinished = server.stopGracefully(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unfinished = server.requestsInFlight();
        }
        close();
        return unfinished;
    }

    /** Stops taking requests first, then the background work, then the store beneath them. */
    @Override
    public void close() {
        server.stop();
        sweeper.close();
        storeMaintenance.close();
    }
}
