package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;

/** Renders what the user reads or hears, with the brand as Vonage puts it in. */
final class MessageText {
    private MessageText() {
    }

    /** Verify v1's wording (facts §1.2 {@code brand}): an SMS, or a text-to-speech call. */
    static String v1(Channel channel, Brand brand, String code) {
        return channel == Channel.VOICE ? spoken(brand, "PIN", code) : "Your " + brand.value() + " PIN is " + code;
    }

    /** Verify v2's wording, which no source pins per channel (facts §2.6 "Code text"; our choice). */
    static String v2(Channel channel, Brand brand, String code) {
        return switch (channel) {
            case VOICE -> spoken(brand, "verification code", code);
            case SMS, WHATSAPP -> "Your " + brand.value() + " verification code is: " + code;
            case EMAIL -> "Subject: Your " + brand.value() + " verification code\n\nYour " + brand.value()
                    + " verification code is: " + code;
        };
    }

    /** A voice call reads the digits one by one, twice, the way a text-to-speech code call does. */
    private static String spoken(Brand brand, String what, String code) {
        String digits = String.join(", ", code.split(""));
        return "Hello. Your " + brand.value() + " " + what + " is " + digits + ". Again, your " + what + " is "
                + digits + ".";
    }
}
