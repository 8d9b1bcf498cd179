package dev.phoneverify.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/** Builds a {@link PhoneVerifyTelemetry}; what it adds beyond the bounded attributes is off until asked for. */
public final class PhoneVerifyTelemetryBuilder {
    /** The tracer's name: this library, not the application. */
    static final String INSTRUMENTATION_NAME = "dev.phoneverify.opentelemetry";

    private final OpenTelemetry openTelemetry;
    private boolean maskedNumbers;
    private boolean ids;

    PhoneVerifyTelemetryBuilder(OpenTelemetry openTelemetry) {
        this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * Adds {@link PhoneVerifyAttributes#MASKED_NUMBER}. Off by default: even masked, a number is personal data, and
     * a trace backend is rarely cleared as often as the flows are. The unmasked number is never recorded.
     */
    public PhoneVerifyTelemetryBuilder captureMaskedNumbers(boolean capture) {
        this.maskedNumbers = capture;
        return this;
    }

    /**
     * Adds {@link PhoneVerifyAttributes#FLOW_ID} and {@link PhoneVerifyAttributes#REQUEST_ID}, to find one user's
     * flow or quote a request to the provider's support. Off by default, since anyone holding a flow id can check
     * codes against it.
     */
    public PhoneVerifyTelemetryBuilder captureIds(boolean capture) {
        this.ids = capture;
        return this;
    }

    /** The telemetry, with a tracer named {@code dev.phoneverify.opentelemetry} and versioned with this library. */
    public PhoneVerifyTelemetry build() {
        return new PhoneVerifyTelemetry(new Spans(openTelemetry.tracerBuilder(INSTRUMENTATION_NAME)
                .setInstrumentationVersion(libraryVersion()).build(), maskedNumbers, ids));
    }

    /** This library's version, written into the jar at build time. */
    static String libraryVersion() {
        Properties properties = new Properties();
        try (InputStream in = PhoneVerifyTelemetryBuilder.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from verify-opentelemetry's jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read verify-opentelemetry's version", e);
        }
        return properties.getProperty("version");
    }
}
