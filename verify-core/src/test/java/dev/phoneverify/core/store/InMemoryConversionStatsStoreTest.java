package dev.phoneverify.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.port.ConversionCounts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryConversionStatsStoreTest {
    private static final CallingCode UK = new CallingCode("44");
    private static final Instant T0 = Instant.parse("2031-05-04T10:00:00Z");

    private final InMemoryConversionStatsStore store = new InMemoryConversionStatsStore();

    @Test
    void sumsTheBucketsFromTheGivenOneOnPerCallingCode() {
        store.countStarted(UK, T0);
        store.countStarted(UK, T0.plusSeconds(60));
        store.countVerified(UK, T0.plusSeconds(60));
        store.countStarted(new CallingCode("1"), T0.plusSeconds(60));

        assertThat(store.countsSince(UK, T0)).isEqualTo(new ConversionCounts(2, 1));
        assertThat(store.countsSince(UK, T0.plusSeconds(60))).isEqualTo(new ConversionCounts(1, 1));
        assertThat(store.countsSince(new CallingCode("358"), T0)).isEqualTo(ConversionCounts.NONE);
    }

    @Test
    void theAlarmFlagChangesOnceForRacingCallers() {
        assertThat(store.setAlarmRaised(UK, false)).isFalse();
        assertThat(store.setAlarmRaised(UK, true)).isTrue();
        assertThat(store.setAlarmRaised(UK, true)).isFalse();
        assertThat(store.raisedAlarms()).containsExactly(UK);
        assertThat(store.setAlarmRaised(UK, false)).isTrue();
        assertThat(store.raisedAlarms()).isEmpty();
    }
}
