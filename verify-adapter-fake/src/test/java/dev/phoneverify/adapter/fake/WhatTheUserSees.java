package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import java.util.List;

/** What a user at a number has received from a fake, read as a test reads it. */
final class WhatTheUserSees {
    private WhatTheUserSees() {
    }

    /** The code of the last message the user got. */
    static VerificationCode lastCode(FakeVerificationGateway fake, PhoneNumber number) {
        return VerificationCode.parse(fake.lastCodeFor(number).orElseThrow());
    }

    /** A code that is not {@code right}: what a user who mistypes sends. */
    static VerificationCode wrongFor(VerificationCode right) {
        return VerificationCode.parse(right.value().equals("0000") ? "1111" : "0000");
    }

    /** The channel of every message the user got, oldest first. */
    static List<Channel> channelsSent(FakeVerificationGateway fake, PhoneNumber number) {
        return fake.outboxFor(number).stream().map(DeliveredMessage::channel).toList();
    }
}
