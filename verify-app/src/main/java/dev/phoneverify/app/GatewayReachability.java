package dev.phoneverify.app;

import dev.phoneverify.adapter.vonage.VonageReachability;
import java.net.URI;
import java.time.Duration;

/**
 * Whether the gateway can be used now, for readiness. The fake is in this process, so always; a real provider is
 * reachable when a TCP connection to its API's host and port opens within the timeout (a cheap check that asks
 * the provider nothing and costs nothing).
 */
interface GatewayReachability {

    /** For a gateway in this process. */
    GatewayReachability IN_PROCESS = () -> true;

    boolean isReachable();

    /** Connects to {@code api}'s host and port (443 or 80 by scheme when it names none). */
    static GatewayReachability tcp(URI api, Duration timeout) {
        return () -> VonageReachability.answers(api, timeout);
    }
}
