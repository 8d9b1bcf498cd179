package dev.phoneverify.core.domain;

import java.util.Locale;

/** How a code reaches the user. Which of these a provider offers is in its gateway's capabilities. */
public enum Channel {
    /** A text message. */
    SMS,
    /** A text-to-speech phone call. */
    VOICE,
    /** A WhatsApp message (Vonage Verify v2). */
    WHATSAPP,
    /** An email to an address given with the start (Vonage Verify v2). */
    EMAIL;

    /** The channel named {@code name}, in any case: {@code sms}, {@code voice}, {@code whatsapp}, {@code email}. */
    public static Channel parse(String name) {
        if (name != null) {
            for (Channel channel : values()) {
                if (channel.name().equalsIgnoreCase(name.strip())) {
                    return channel;
                }
            }
        }
        throw new InvalidInputException(InvalidInputException.Field.WORKFLOW,
                "a channel is one of sms, voice, whatsapp or email, not '" + name + "'");
    }

    /** The lower-case name providers and settings use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
