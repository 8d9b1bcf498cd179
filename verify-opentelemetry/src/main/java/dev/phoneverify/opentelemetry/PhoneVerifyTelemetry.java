package dev.phoneverify.opentelemetry;

import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.usecase.ApplyProviderStatus;
import dev.phoneverify.core.usecase.CancelVerification;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * Tracing for phone verification: traced decorators of each driving port (one span per command, such as
 * {@code phoneverify check}) and of the provider gateway (one CLIENT span per call, such as
 * {@code phoneverify.gateway check}), nested when the gateway is the one the use cases call.
 *
 * <pre>{@code
 * PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.create(openTelemetry);
 * Verifications verifications = Verifications.builder().gateway(telemetry.gateway(vonage))...build();
 * StartVerification starts = telemetry.startVerification(verifications);
 * CheckCode checks = telemetry.checkCode(verifications);
 * }</pre>
 *
 * <p>Attributes are in {@link PhoneVerifyAttributes}. A failure (provider or store outage) is recorded on the span
 * with status ERROR and rethrown; a refusal is an answer, not an error. Thread-safe.
 */
public final class PhoneVerifyTelemetry {
    private final Spans spans;
    private final ResultAttributes results;

    PhoneVerifyTelemetry(Spans spans) {
        this.spans = spans;
        this.results = new ResultAttributes(spans);
    }

    /** Telemetry on {@code openTelemetry} with the defaults: no number and no id in any span. */
    public static PhoneVerifyTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /** A builder on {@code openTelemetry}, to opt in to the masked number or the ids. */
    public static PhoneVerifyTelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new PhoneVerifyTelemetryBuilder(openTelemetry);
    }

    /** Spans {@code phoneverify start}. */
    public StartVerification startVerification(StartVerification starts) {
        return new TracedUseCases.Start(Objects.requireNonNull(starts, "starts"), spans, results);
    }

    /** Spans {@code phoneverify check}. */
    public CheckCode checkCode(CheckCode checks) {
        return new TracedUseCases.Check(Objects.requireNonNull(checks, "checks"), spans, results);
    }

    /** Spans {@code phoneverify cancel}. */
    public CancelVerification cancelVerification(CancelVerification cancels) {
        return new TracedUseCases.Cancel(Objects.requireNonNull(cancels, "cancels"), spans, results);
    }

    /** Spans {@code phoneverify next_step}. */
    public MoveToNextStep moveToNextStep(MoveToNextStep nextSteps) {
        return new TracedUseCases.NextStep(Objects.requireNonNull(nextSteps, "nextSteps"), spans, results);
    }

    /** Spans {@code phoneverify find} and {@code phoneverify expire_due}. */
    public FindVerification findVerification(FindVerification finds) {
        return new TracedUseCases.Find(Objects.requireNonNull(finds, "finds"), spans);
    }

    /** Spans {@code phoneverify apply_status}. */
    public ApplyProviderStatus applyProviderStatus(ApplyProviderStatus updates) {
        return new TracedUseCases.ProviderStatus(Objects.requireNonNull(updates, "updates"), spans, results);
    }

    /** CLIENT spans {@code phoneverify.gateway start|check|cancel|advance|status}. */
    public VerificationGateway gateway(VerificationGateway gateway) {
        return new TracedGateway(Objects.requireNonNull(gateway, "gateway"), spans);
    }
}
