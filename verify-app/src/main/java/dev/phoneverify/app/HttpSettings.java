package dev.phoneverify.app;

import dev.phoneverify.app.web.TrustedProxies;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the app's HTTP server meets the network.
 *
 * @param bindAddress    {@code VERIFY_BIND_ADDRESS}, an IP address; empty for the default of the gateway
 * @param trustedProxies {@code VERIFY_TRUSTED_PROXIES}, a comma list of addresses and CIDR blocks; blank for none
 * @param shutdownGrace  {@code VERIFY_SHUTDOWN_GRACE_SECONDS}: how long requests in flight may finish on stop
 */
public record HttpSettings(Optional<String> bindAddress, String trustedProxies, Duration shutdownGrace) {
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    static final Duration MAX_SHUTDOWN_GRACE = Duration.ofMinutes(5);

    public HttpSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        TrustedProxies.parse(trustedProxies);
        bindAddress.ifPresent(address -> TrustedProxies.ipLiteral(address).orElseThrow(
                () -> new IllegalArgumentException("the bind address must be an IP address")));
    }

    /** The defaults: the gateway's bind address, no trusted proxy, {@link #DEFAULT_SHUTDOWN_GRACE}. */
    public static HttpSettings defaults() {
        return new HttpSettings(Optional.empty(), "", DEFAULT_SHUTDOWN_GRACE);
    }

    public HttpSettings withBindAddress(String address) {
        return new HttpSettings(Optional.of(address), trustedProxies, shutdownGrace);
    }

    public HttpSettings withTrustedProxies(String list) {
        return new HttpSettings(bindAddress, list, shutdownGrace);
    }

    public HttpSettings withShutdownGrace(Duration grace) {
        return new HttpSettings(bindAddress, trustedProxies, grace);
    }

    /**
     * Reads the three settings through {@code value} (a setting's stripped value, empty when unset).
     *
     * @throws ConfigException naming the first malformed setting
     */
    static HttpSettings read(Function<String, Optional<String>> value) {
        Optional<String> bind = value.apply("VERIFY_BIND_ADDRESS");
        if (bind.isPresent() && TrustedProxies.ipLiteral(bind.get()).isEmpty()) {
            throw new ConfigException("VERIFY_BIND_ADDRESS must be an IP address such as 127.0.0.1, 0.0.0.0 or ::,"
                    + " was '" + AppConfig.printable(bind.get()) + "'");
        }
        String proxies = value.apply("VERIFY_TRUSTED_PROXIES").orElse("");
        try {
            TrustedProxies.parse(proxies);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("VERIFY_TRUSTED_PROXIES must be a comma list of IP addresses and CIDR"
                    + " blocks: " + e.getMessage());
        }
        return new HttpSettings(bind, proxies, shutdownGrace(value.apply("VERIFY_SHUTDOWN_GRACE_SECONDS")));
    }

    private static Duration shutdownGrace(Optional<String> text) {
        if (text.isEmpty()) {
            return DEFAULT_SHUTDOWN_GRACE;
        }
        try {
            long seconds = Long.parseLong(text.get());
            if (seconds >= 0 && seconds <= MAX_SHUTDOWN_GRACE.toSeconds()) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // falls through to the one message below
        }
        throw new ConfigException("VERIFY_SHUTDOWN_GRACE_SECONDS must be whole seconds from 0 to "
                + MAX_SHUTDOWN_GRACE.toSeconds() + ", was '" + AppConfig.printable(text.get()) + "'");
    }
}
