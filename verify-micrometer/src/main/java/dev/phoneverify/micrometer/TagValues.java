package dev.phoneverify.micrometer;

import dev.phoneverify.core.domain.Channel;

/**
 * The tag values of this module's own: the fixed ones, and the channel's. The core's other enums are named by
 * {@link dev.phoneverify.core.usecase.StableNames}, shared with the trace attributes.
 */
final class TagValues {
    /** The {@link PhoneVerifyMeterNames#ERROR} of a call that did not fail. */
    static final String NO_ERROR = "none";
    /** The {@link PhoneVerifyMeterNames#OUTCOME} of a call that threw. */
    static final String ERROR_OUTCOME = "error";
    /** The {@link PhoneVerifyMeterNames#ERROR} of a call that threw something other than a gateway failure. */
    static final String UNEXPECTED_ERROR = "unexpected";

    private TagValues() {
    }

    static String channel(Channel channel) {
        return switch (channel) {
            case SMS -> "sms";
            case VOICE -> "voice";
            case WHATSAPP -> "whatsapp";
            case EMAIL -> "email";
        };
    }
}
