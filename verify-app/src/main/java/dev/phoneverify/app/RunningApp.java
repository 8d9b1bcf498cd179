package dev.phoneverify.app;

import com.google.inject.Injector;
import dev.phoneverify.app.web.WebServer;
import java.net.URI;

/** A started app: where it listens, and how to stop it. */
public final class RunningApp implements AutoCloseable {
    private final Injector injector;
    private final WebServer server;
    private final ExpirySweeper sweeper;
    private final int port;
    private final String summary;

    RunningApp(Injector injector, WebServer server, ExpirySweeper sweeper, int port, String summary) {
        this.injector = injector;
        this.server = server;
        this.sweeper = sweeper;
        this.port = port;
        this.summary = summary;
    }

    /** One line for the console: address, gateway (and its URL), brand; never a secret. */
    public String summary() {
        return summary;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    /** The app's injector, so tests reach the tester's API of the fake it runs on. */
    Injector injector() {
        return injector;
    }

    @Override
    public void close() {
        sweeper.close();
        server.stop();
    }
}
