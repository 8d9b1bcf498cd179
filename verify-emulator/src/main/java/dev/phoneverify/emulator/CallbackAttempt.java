package dev.phoneverify.emulator;

import java.time.Instant;

/**
 * One try at delivering a v2 callback, for tests to read: which callback (the same {@code callbackId} on every
 * attempt), its {@code type} ({@code event} or {@code summary}), the receiver's HTTP status (0: no answer).
 *
 * @param at wall-clock time of the attempt, as the token's {@code iat}
 */
public record CallbackAttempt(String callbackId, String type, String requestId, int attempt, int status,
                              Instant at, boolean delivered) {
}
