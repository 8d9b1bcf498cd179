package dev.phoneverify.micrometer;

/**
 * The names of the meters {@link PhoneVerifyMetrics} registers and of their tags, for dashboards, alerts and tests.
 * Names are lower-case and dotted; each registry renders them its own way (Prometheus: {@code phoneverify_starts_total}).
 */
public final class PhoneVerifyMeterNames {
    /** Counter: flows started (a code went out), tagged {@link #CHANNEL} and {@link #CALLING_CODE}. */
    public static final String STARTS = "phoneverify.starts";
    /** Counter: codes checked by the provider, tagged {@link #OUTCOME} {@code accepted} or {@code rejected}. */
    public static final String CHECKS = "phoneverify.checks";
    /** Counter: flows that ended, tagged {@link #REASON} (the flow's end reason) and {@link #CALLING_CODE}. */
    public static final String ENDED = "phoneverify.ended";
    /** Counter: deliveries moved to another step, tagged with the new {@link #CHANNEL}. */
    public static final String ADVANCES = "phoneverify.advances";
    /** Counter: sends an abuse control refused, tagged {@link #LIMIT}. */
    public static final String REFUSALS = "phoneverify.refusals";
    /**
     * Gauge per {@link #CALLING_CODE}: of the flows this process saw start since it began counting, the share that
     * was verified.
     */
    public static final String CONVERSION_RATE = "phoneverify.conversion.rate";
    /** Gauge per {@link #CALLING_CODE}: 1 while the core's conversion alarm is raised, 0 once it cleared. */
    public static final String CONVERSION_ALARM = "phoneverify.conversion.alarm";
    /** Timer: calls to the provider, tagged {@link #OPERATION}, {@link #OUTCOME} and {@link #ERROR}. */
    public static final String GATEWAY_CALLS = "phoneverify.gateway.calls";

    /** A {@link dev.phoneverify.core.domain.Channel}: {@code sms}, {@code voice}, {@code whatsapp}, {@code email}. */
    public static final String CHANNEL = "channel";
    /** An ITU country calling code without its {@code +}: {@code 44}, {@code 1}. */
    public static final String CALLING_CODE = "calling.code";
    /** How a check or a provider call came out. */
    public static final String OUTCOME = "outcome";
    /** A {@link dev.phoneverify.core.domain.EndReason} in lower case: {@code code_verified}. */
    public static final String REASON = "reason";
    /** A {@link dev.phoneverify.core.usecase.Refusal.Limit} in lower case: {@code resend_cooldown}. */
    public static final String LIMIT = "limit";
    /** The provider operation: {@code start}, {@code check}, {@code cancel}, {@code advance}, {@code status}. */
    public static final String OPERATION = "operation";
    /** Why a provider call failed ({@code unavailable}, {@code timeout}, ...), or {@code none}. */
    public static final String ERROR = "error";

    private PhoneVerifyMeterNames() {
    }
}
