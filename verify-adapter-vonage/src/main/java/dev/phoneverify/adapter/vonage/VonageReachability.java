package dev.phoneverify.adapter.vonage;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * Whether Vonage's API can be reached now, for a readiness or health check: its host accepts a TCP connection on
 * its port within the timeout. A cheap check that asks the provider nothing and costs nothing.
 */
public final class VonageReachability {

    private VonageReachability() {
    }

    /** True when {@code api}'s host accepts a connection on its port (443 or 80 by scheme when it names none). */
    public static boolean answers(URI api, Duration timeout) {
        int port = api.getPort() > 0 ? api.getPort() : "https".equalsIgnoreCase(api.getScheme()) ? 443 : 80;
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(api.getHost(), port), millis);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
