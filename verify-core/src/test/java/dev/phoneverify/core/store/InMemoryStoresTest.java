package dev.phoneverify.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Counting in memory is a named choice, and each choice counts on its own. */
class InMemoryStoresTest {
    private static final Instant NOW = MutableClock.START;

    @Test
    void theDefaultAbuseControlsAreEveryControlWithItsDefaults() {
        assertThat(InMemoryStores.defaultAbuseControls().policy()).isEqualTo(AbuseControlPolicy.defaults());
        assertThat(InMemoryStores.abuseControls(AbuseControlPolicy.none()).policy())
                .isEqualTo(AbuseControlPolicy.none());
    }

    @Test
    void eachSetOfAbuseControlsCountsInItsOwnStores() {
        AbuseControls first = InMemoryStores.defaultAbuseControls();
        AbuseControls second = InMemoryStores.defaultAbuseControls();

        assertThat(first.rateLimits().tryAcquire("number:1", 1, Duration.ofMinutes(10), NOW).granted()).isTrue();
        assertThat(first.rateLimits().tryAcquire("number:1", 1, Duration.ofMinutes(10), NOW).granted()).isFalse();
        assertThat(second.rateLimits().tryAcquire("number:1", 1, Duration.ofMinutes(10), NOW).granted()).isTrue();
        assertThat(first.conversions()).isNotSameAs(second.conversions());
    }

    @Test
    void controlsThatAreOffRefuseToBeAskedToCount() {
        AbuseControls off = AbuseControls.off();

        assertThat(off.policy()).isEqualTo(AbuseControlPolicy.none());
        assertThatThrownBy(() -> off.rateLimits().tryAcquire("number:1", 1, Duration.ofMinutes(10), NOW))
                .isInstanceOf(IllegalStateException.class).hasMessage("abuse controls are off: nothing is counted");
        assertThatThrownBy(() -> off.conversions().countStarted(new CallingCode("44"), NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void flowsInMemoryStartEmpty() {
        InMemoryFlowStore flows = InMemoryStores.flows(new MutableClock());

        assertThat(flows.size()).isZero();
        assertThat(flows.pendingDueBy(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
    }
}
