package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.Channel;
import java.time.Duration;
import java.time.Instant;

/**
 * The delivery steps of one provider request and how long each lasts, as far as the adapter can know them. Vonage's
 * answers name neither the channel a "next step" moved to nor when a request ends, so the adapter works both out
 * from the plan.
 */
interface StepPlan {

    /** The index of the last step. */
    int lastStep();

    /** How the code goes out at {@code step}. */
    Channel channelOf(int step);

    /** How long {@code step} lasts before the next one starts by itself (for the last step: before the end). */
    Duration waitAfter(int step);

    /** When a request ends that reached {@code step} at {@code stepStartedAt}, if nobody acts. */
    default Instant endOfRequest(int step, Instant stepStartedAt) {
        Instant end = stepStartedAt;
        for (int i = step; i <= lastStep(); i++) {
            end = end.plus(waitAfter(i));
        }
        return end;
    }
}
