package dev.phoneverify.vonage.model;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Verify v2's field constraints and behaviour defaults (facts 2.3, 2.4 and 2.6), for the fake, the emulator and the
 * adapter to check the same way.
 */
public final class V2Rules {
    /** A workflow has at most this many steps. */
    public static final int MAX_STEPS = 3;
    public static final int MAX_BRAND_LENGTH = 18;
    /** A brand may not contain {@code / { } : $}. */
    public static final Pattern BRAND = Pattern.compile("[^/{}:$]{1," + MAX_BRAND_LENGTH + "}");
    public static final int MIN_CODE_LENGTH = 4;
    public static final int MAX_CODE_LENGTH = 10;
    public static final int DEFAULT_CODE_LENGTH = 4;
    /** A custom code: 4 to 10 letters or digits. */
    public static final Pattern CUSTOM_CODE = Pattern.compile("[a-zA-Z0-9]{4,10}");
    public static final Duration MIN_CHANNEL_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration MAX_CHANNEL_TIMEOUT = Duration.ofSeconds(900);
    /** A step's length when {@code channel_timeout} is not given. */
    public static final Duration DEFAULT_CHANNEL_TIMEOUT = Duration.ofSeconds(180);
    /** A client reference: 1 to 40 letters or digits. */
    public static final Pattern CLIENT_REF = Pattern.compile("[a-zA-Z0-9]{1,40}");
    /** A {@code to} number: E.164 digits without {@code +} or {@code 00}. */
    public static final Pattern PHONE_NUMBER = Pattern.compile("[1-9][0-9]{6,14}");
    /** A WhatsApp step's {@code from}, required: a WhatsApp Business number of 1 to 50 characters (facts 2.4). */
    public static final int MAX_WHATSAPP_FROM_LENGTH = 50;
    /** Wrong codes a request takes; the last one ends it {@code failed} (410). */
    public static final int MAX_WRONG_CODES = 3;
    /** A cancel is accepted this long after the start at the earliest, when that rule is on (facts 2.6). */
    public static final Duration CANCEL_NOT_BEFORE = Duration.ofSeconds(30);

    private V2Rules() {
    }

    /** True when {@code timeout} is a valid {@code channel_timeout}. */
    public static boolean isValidChannelTimeout(Duration timeout) {
        return timeout.compareTo(MIN_CHANNEL_TIMEOUT) >= 0 && timeout.compareTo(MAX_CHANNEL_TIMEOUT) <= 0;
    }
}
