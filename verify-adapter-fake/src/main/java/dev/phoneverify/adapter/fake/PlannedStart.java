package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A start the profile's rules accepted: its plan, and where each step goes. One request is in flight per address
 * (facts §2.6 Concurrency: keyed on each step's {@code to}), so a request to a number and an email address holds
 * both.
 *
 * @param number the request's phone number, if a step goes to one: fixed codes and number rules are read by it
 * @param to     each step's destination, in step order: phone digits, or an email address
 */
record PlannedStart(Optional<PhoneNumber> number, Brand brand, List<String> to, Plan plan) {
    PlannedStart {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(brand, "brand");
        to = List.copyOf(to);
        if (to.size() != plan.stepCount()) {
            throw new IllegalArgumentException("a start names one destination per step");
        }
    }

    /** A start whose every step goes to {@code number}, as v1's do. */
    static PlannedStart toNumber(PhoneNumber number, Brand brand, Plan plan) {
        return new PlannedStart(Optional.of(number), brand, Collections.nCopies(plan.stepCount(), number.digits()),
                plan);
    }

    /** The distinct addresses the request holds while in flight, as {@link #key} spells them. */
    List<String> addresses() {
        return to.stream().map(PlannedStart::key).distinct().toList();
    }

    /**
     * How an address is compared: email addresses without regard to case, numbers without a leading {@code +}, so
     * {@code Ada@Example.com} and {@code ada@example.com} are one destination.
     */
    static String key(String address) {
        String stripped = address.strip();
        return stripped.indexOf('@') >= 0 ? stripped.toLowerCase(Locale.ROOT) : stripped.replaceFirst("^\\+", "");
    }
}
