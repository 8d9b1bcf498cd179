package dev.phoneverify.app.web;

import java.util.Objects;

/**
 * What the HTTP layer needs to know about its surroundings.
 *
 * @param port           the port to listen on; 0 picks a free one
 * @param gatewayName    the gateway in use, as reported by {@code /health}
 * @param host           the IP address to listen on
 * @param trustedProxies the proxies whose forwarding headers name the client
 */
public record WebSettings(int port, String gatewayName, String host, TrustedProxies trustedProxies) {
    public WebSettings {
        Objects.requireNonNull(gatewayName, "gatewayName");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** Every interface and no trusted proxy, as before those settings existed. */
    public WebSettings(int port, String gatewayName) {
        this(port, gatewayName, "0.0.0.0", TrustedProxies.none());
    }
}
