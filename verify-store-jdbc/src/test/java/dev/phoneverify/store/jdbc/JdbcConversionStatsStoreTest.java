package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.port.ConversionCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conversion counts and alarm flags in PostgreSQL, shared by two instances. */
class JdbcConversionStatsStoreTest {
    private static final CallingCode UK = new CallingCode("44");
    private static final Instant T0 = Instant.parse("2031-05-04T10:00:00Z");
    private static PostgresStores instanceA;
    private static PostgresStores instanceB;

    @BeforeAll
    static void connectTwoInstances() {
        DatabaseSettings database = TestPostgres.freshDatabase();
        instanceA = PostgresStores.connect(database);
        instanceB = PostgresStores.connect(database);
    }

    @AfterAll
    static void disconnect() {
        instanceA.close();
        instanceB.close();
    }

    @BeforeEach
    void emptyTheTables() {
        TestPostgres.truncate(instanceA.dataSource(), "conversion_bucket, conversion_alarm");
    }

    private static JdbcConversionStatsStore storeOf(PostgresStores instance) {
        return instance.conversionStatsStore(Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void sumsTheBucketsFromTheGivenOneOnPerCallingCodeWhicheverInstanceCounted() {
        JdbcConversionStatsStore a = storeOf(instanceA);
        JdbcConversionStatsStore b = storeOf(instanceB);
        a.countStarted(UK, T0);
        b.countStarted(UK, T0.plusSeconds(60));
        a.countVerified(UK, T0.plusSeconds(60));
        b.countStarted(new CallingCode("1"), T0.plusSeconds(60));

        assertThat(b.countsSince(UK, T0)).isEqualTo(new ConversionCounts(2, 1));
        assertThat(a.countsSince(UK, T0.plusSeconds(60))).isEqualTo(new ConversionCounts(1, 1));
        assertThat(a.countsSince(new CallingCode("358"), T0)).isEqualTo(ConversionCounts.NONE);
    }

    @Test
    void racingCountsAreAllKept() {
        JdbcConversionStatsStore a = storeOf(instanceA);
        JdbcConversionStatsStore b = storeOf(instanceB);

        List<CompletableFuture<Void>> counts = IntStream.range(0, 40)
                .mapToObj(i -> CompletableFuture.runAsync(() -> (i % 2 == 0 ? a : b).countStarted(UK, T0)))
                .toList();
        counts.forEach(CompletableFuture::join);

        assertThat(a.countsSince(UK, T0).started()).isEqualTo(40);
    }

    @Test
    void theAlarmFlagChangesOnceWhicheverInstanceAsks() {
        JdbcConversionStatsStore a = storeOf(instanceA);
        JdbcConversionStatsStore b = storeOf(instanceB);

        assertThat(a.setAlarmRaised(UK, false)).isFalse();
        assertThat(a.setAlarmRaised(UK, true)).isTrue();
        assertThat(b.setAlarmRaised(UK, true)).isFalse();
        assertThat(b.raisedAlarms()).containsExactly(UK);
        assertThat(b.setAlarmRaised(UK, false)).isTrue();
        assertThat(a.raisedAlarms()).isEmpty();
    }

    @Test
    void thePurgeDropsOnlyBucketsBeyondTheRetention() {
        Instant now = T0.plus(Duration.ofDays(2));
        JdbcConversionStatsStore store = new JdbcConversionStatsStore(instanceA.dataSource(),
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(1), 2);
        for (int minute = 0; minute < 5; minute++) {
            store.countStarted(UK, T0.plus(Duration.ofMinutes(minute)));
        }
        store.countStarted(UK, now.minusSeconds(60));

        assertThat(store.purgeBeyondRetention()).isEqualTo(5);

        assertThat(store.countsSince(UK, T0)).isEqualTo(new ConversionCounts(1, 0));
    }
}
