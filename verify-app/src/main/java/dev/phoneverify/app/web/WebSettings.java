package dev.phoneverify.app.web;

import java.util.Objects;

/**
 * What the HTTP layer needs to know about its surroundings.
 *
 * @param port        the port to listen on; 0 picks a free one
 * @param gatewayName the gateway in use, as reported by {@code /health}
 */
public record WebSettings(int port, String gatewayName) {
    public WebSettings {
        Objects.requireNonNull(gatewayName, "gatewayName");
    }
}
