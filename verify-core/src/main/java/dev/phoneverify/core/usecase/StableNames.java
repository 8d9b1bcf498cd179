package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;

/**
 * Stable lower-case names of the core's enums, for metric tags, trace attributes and logs. Spelled out per constant
 * rather than derived from {@code name()}, so renaming a Java constant never changes a value someone charts, and a
 * constant the core adds fails the build here until it has a name.
 */
public final class StableNames {
    private StableNames() {
    }

    /** {@code code_verified}, {@code timed_out}, ... */
    public static String of(EndReason reason) {
        return switch (reason) {
            case CODE_VERIFIED -> "code_verified";
            case VERIFIED_AT_PROVIDER -> "verified_at_provider";
            case TOO_MANY_WRONG_CODES -> "too_many_wrong_codes";
            case FAILED_AT_PROVIDER -> "failed_at_provider";
            case BLOCKED_BY_PROVIDER -> "blocked_by_provider";
            case TIMED_OUT -> "timed_out";
            case EXPIRED_AT_PROVIDER -> "expired_at_provider";
            case UNKNOWN_TO_PROVIDER -> "unknown_to_provider";
            case CANCELLED_ON_REQUEST -> "cancelled_on_request";
            case CANCELLED_AT_PROVIDER -> "cancelled_at_provider";
        };
    }

    /** {@code per_number}, {@code resend_cooldown}, ... */
    public static String of(Refusal.Limit limit) {
        return switch (limit) {
            case PER_NUMBER -> "per_number";
            case PER_CLIENT -> "per_client";
            case PER_CALLING_CODE -> "per_calling_code";
            case RESEND_COOLDOWN -> "resend_cooldown";
            case FAILED_CHECK_DELAY -> "failed_check_delay";
        };
    }

    /** {@code unavailable}, {@code timeout}, ... */
    public static String of(GatewayException.Reason reason) {
        return switch (reason) {
            case UNAVAILABLE -> "unavailable";
            case TIMEOUT -> "timeout";
            case THROTTLED -> "throttled";
            case BAD_RESPONSE -> "bad_response";
            case MISCONFIGURED -> "misconfigured";
        };
    }

    /** {@code in_progress}, {@code verified}, ... */
    public static String of(RequestStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "in_progress";
            case VERIFIED -> "verified";
            case FAILED -> "failed";
            case EXPIRED -> "expired";
            case CANCELLED -> "cancelled";
            case UNKNOWN -> "unknown";
        };
    }
}
