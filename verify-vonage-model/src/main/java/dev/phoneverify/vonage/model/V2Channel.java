package dev.phoneverify.vonage.model;

import java.util.Locale;
import java.util.Optional;

/** The v2 workflow channels the project serves, with their wire names (facts 2.4). */
public enum V2Channel {
    SMS,
    VOICE,
    WHATSAPP,
    EMAIL;

    /** The name on the wire: {@code sms}, {@code voice}, {@code whatsapp}, {@code email}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel with this wire name, if it is one. */
    public static Optional<V2Channel> byWireName(String name) {
        for (V2Channel channel : values()) {
            if (channel.wireName().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** True when a step on this channel needs a {@code from} (WhatsApp: the business number). */
    public boolean requiresFrom() {
        return this == WHATSAPP;
    }
}
