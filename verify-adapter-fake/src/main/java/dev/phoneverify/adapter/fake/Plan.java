package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request's delivery plan, fixed when it starts: the channel of each step, how long each step lasts, and how
 * codes are made. Built by the profile's rules, so the simulator itself knows neither v1 nor v2.
 *
 * @param waits        from each step to the next one; after the last step, to the request's end
 * @param customCode   the caller's own code, sent on every step instead of a generated one
 * @param codeLifetime how long a code lives: a step that starts later brings a new one (v1's {@code pin_expiry});
 *                     empty: every step brings a new code (v2)
 */
record Plan(List<Channel> channels, List<Duration> waits, int codeLength, Optional<String> customCode,
            Optional<Duration> codeLifetime) {
    Plan {
        channels = List.copyOf(channels);
        waits = List.copyOf(waits);
        Objects.requireNonNull(customCode, "customCode");
        Objects.requireNonNull(codeLifetime, "codeLifetime");
        if (channels.isEmpty() || channels.size() != waits.size()) {
            throw new IllegalArgumentException("a plan has one wait per step");
        }
    }

    int stepCount() {
        return channels.size();
    }

    /** From the start of step {@code index} to the request's end, if nobody acts. */
    Duration remainingFrom(int index) {
        return waits.subList(index, waits.size()).stream().reduce(Duration.ZERO, Duration::plus);
    }
}
