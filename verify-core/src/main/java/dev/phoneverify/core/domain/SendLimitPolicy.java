package dev.phoneverify.core.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How many verifications may start per number, per client and per country calling code; an empty limit is off.
 *
 * <p>Defaults: 3 per number, 10 per client key and 100 per calling code, each per 10 minutes. The per-number limit
 * stops one phone being bombed with codes; the per-client limit stops one caller spreading SMS over many numbers;
 * the per-code limit caps the bill when SMS pumping spreads over many clients and numbers of one country.
 */
public record SendLimitPolicy(Optional<SendLimit> perNumber, Optional<SendLimit> perClient,
                              Optional<SendLimit> perCallingCode) {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    public static final SendLimit DEFAULT_PER_NUMBER = SendLimit.of(3, DEFAULT_WINDOW);
    public static final SendLimit DEFAULT_PER_CLIENT = SendLimit.of(10, DEFAULT_WINDOW);
    public static final SendLimit DEFAULT_PER_CALLING_CODE = SendLimit.of(100, DEFAULT_WINDOW);

    public SendLimitPolicy {
        Objects.requireNonNull(perNumber, "perNumber");
        Objects.requireNonNull(perClient, "perClient");
        Objects.requireNonNull(perCallingCode, "perCallingCode");
    }

    public static SendLimitPolicy defaults() {
        return new SendLimitPolicy(Optional.of(DEFAULT_PER_NUMBER), Optional.of(DEFAULT_PER_CLIENT),
                Optional.of(DEFAULT_PER_CALLING_CODE));
    }

    /** Every send limit off. */
    public static SendLimitPolicy none() {
        return new SendLimitPolicy(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This policy with the per-number limit set, or off when {@code limit} is null. */
    public SendLimitPolicy withPerNumber(SendLimit limit) {
        return new SendLimitPolicy(Optional.ofNullable(limit), perClient, perCallingCode);
    }

    /** This policy with the per-client limit set, or off when {@code limit} is null. */
    public SendLimitPolicy withPerClient(SendLimit limit) {
        return new SendLimitPolicy(perNumber, Optional.ofNullable(limit), perCallingCode);
    }

    /** This policy with the per-calling-code limit set, or off when {@code limit} is null. */
    public SendLimitPolicy withPerCallingCode(SendLimit limit) {
        return new SendLimitPolicy(perNumber, perClient, Optional.ofNullable(limit));
    }
}
