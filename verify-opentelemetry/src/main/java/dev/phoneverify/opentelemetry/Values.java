package dev.phoneverify.opentelemetry;

import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.UpdateResult;

/**
 * The attribute value of each constant of the core's enums, spelled out per constant: a constant the core adds
 * fails the build here rather than reaching a trace under an unplanned name.
 */
final class Values {
    private Values() {
    }

    static String endReason(EndReason reason) {
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

    static String limit(Refusal.Limit limit) {
        return switch (limit) {
            case PER_NUMBER -> "per_number";
            case PER_CLIENT -> "per_client";
            case PER_CALLING_CODE -> "per_calling_code";
            case RESEND_COOLDOWN -> "resend_cooldown";
            case FAILED_CHECK_DELAY -> "failed_check_delay";
        };
    }

    static String gatewayError(GatewayException.Reason reason) {
        return switch (reason) {
            case UNAVAILABLE -> "unavailable";
            case TIMEOUT -> "timeout";
            case THROTTLED -> "throttled";
            case BAD_RESPONSE -> "bad_response";
            case MISCONFIGURED -> "misconfigured";
        };
    }

    static String requestStatus(RequestStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "in_progress";
            case VERIFIED -> "verified";
            case FAILED -> "failed";
            case EXPIRED -> "expired";
            case CANCELLED -> "cancelled";
            case UNKNOWN -> "unknown";
        };
    }

    static String update(UpdateResult.Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> "applied";
            case UNCHANGED -> "unchanged";
            case UNKNOWN_REQUEST -> "unknown_request";
        };
    }
}
