package dev.phoneverify.spring;

import dev.phoneverify.adapter.vonage.VonageReachability;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator health of phone verification: the store and the gateway, each up or down, and down as a whole while
 * either is, so a readiness group that includes it sends traffic elsewhere.
 */
public final class PhoneVerifyHealthIndicator implements HealthIndicator {
    /** One dependency's check: answers within a few seconds, false rather than throwing. */
    @FunctionalInterface
    public interface Probe {
        boolean isUp();
    }

    private final String storeName;
    private final Probe store;
    private final String gatewayName;
    private final Probe gateway;

    /**
     * @param storeName   {@code memory} or {@code postgres}, shown in the details
     * @param gatewayName {@code fake}, {@code vonage} or {@code vonage-v2}, shown in the details
     */
    public PhoneVerifyHealthIndicator(String storeName, Probe store, String gatewayName, Probe gateway) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.store = Objects.requireNonNull(store, "store");
        this.gatewayName = Objects.requireNonNull(gatewayName, "gatewayName");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    @Override
    public Health health() {
        boolean storeUp = store.isUp();
        boolean gatewayUp = gateway.isUp();
        Health.Builder health = storeUp && gatewayUp ? Health.up() : Health.down();
        return health.withDetail("store", storeName).withDetail("storeStatus", status(storeUp))
                .withDetail("gateway", gatewayName).withDetail("gatewayStatus", status(gatewayUp))
                .build();
    }

    /** Up when {@code api}'s host accepts a TCP connection on its port (443 or 80 by scheme) within {@code timeout}. */
    public static Probe tcp(URI api, Duration timeout) {
        return () -> VonageReachability.answers(api, timeout);
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
