package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;

/** Renders what the user reads or hears, with the brand as Vonage puts it in (facts §1.2 {@code brand}). */
final class MessageText {
    private MessageText() {
    }

    static String render(Channel channel, Brand brand, String code) {
        if (channel == Channel.SMS) {
            return "Your " + brand.value() + " PIN is " + code;
        }
        // A voice call reads the digits one by one, twice, the way a text-to-speech PIN call does.
        String spoken = String.join(", ", code.split(""));
        return "Hello. Your " + brand.value() + " PIN is " + spoken + ". Again, your PIN is " + spoken + ".";
    }
}
