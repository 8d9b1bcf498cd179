package dev.phoneverify.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attributes {@link PhoneVerifyTelemetry}'s spans carry. Values come from closed sets (lower-case constants),
 * except the opt-in ones marked below; no span ever carries a code.
 */
public final class PhoneVerifyAttributes {
    /** The flow's channel now, or the channel a provider answer names: {@code sms}, {@code voice}, ... */
    public static final AttributeKey<String> CHANNEL = AttributeKey.stringKey("phoneverify.channel");
    /** The case of the result: {@code started}, {@code verified}, {@code wrong_code}, {@code refused}, ... */
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("phoneverify.outcome");
    /** Why a command was refused: {@code rate_limited}, {@code flow_finished}, ... */
    public static final AttributeKey<String> REFUSAL = AttributeKey.stringKey("phoneverify.refusal");
    /** The abuse control behind a {@code rate_limited} refusal: {@code per_number}, {@code resend_cooldown}, ... */
    public static final AttributeKey<String> REFUSAL_LIMIT = AttributeKey.stringKey("phoneverify.refusal.limit");
    /** The number's ITU country calling code without {@code +}: {@code 44}. */
    public static final AttributeKey<String> CALLING_CODE = AttributeKey.stringKey("phoneverify.calling_code");
    /** Why the flow ended, once it has: {@code code_verified}, {@code timed_out}, ... */
    public static final AttributeKey<String> END_REASON = AttributeKey.stringKey("phoneverify.end_reason");
    /** How many flows an expiry sweep ended. */
    public static final AttributeKey<Long> EXPIRED_COUNT = AttributeKey.longKey("phoneverify.expired_count");
    /** What failed, on a span with status ERROR: a gateway failure's reason, {@code store_unavailable}, or a class. */
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** Opt-in ({@link PhoneVerifyTelemetryBuilder#captureMaskedNumbers}): the number masked, {@code +44******0001}. */
    public static final AttributeKey<String> MASKED_NUMBER = AttributeKey.stringKey("phoneverify.number.masked");
    /** Opt-in ({@link PhoneVerifyTelemetryBuilder#captureIds}): the flow's id. */
    public static final AttributeKey<String> FLOW_ID = AttributeKey.stringKey("phoneverify.flow.id");
    /** Opt-in ({@link PhoneVerifyTelemetryBuilder#captureIds}): the provider's request id. */
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("phoneverify.request.id");

    private PhoneVerifyAttributes() {
    }
}
