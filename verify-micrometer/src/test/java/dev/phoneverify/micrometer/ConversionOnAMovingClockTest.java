package dev.phoneverify.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * On a clock that moves between reads, as a running app's does, a start's event comes after its flow was made: the
 * first verification counted must still count as converted (it showed a conversion rate of 0 in the app's scrape).
 */
class ConversionOnAMovingClockTest {

    /** A clock one millisecond later on every read. */
    static final class Ticking extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2030-01-01T10:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }
    }

    @Test
    void theFirstVerificationOnAMovingClockCountsAsConverted() {
        Clock clock = new Ticking();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PhoneVerifyMetrics metrics = PhoneVerifyMetrics.create()) {
            Verifications verifications = Verifications.builder()
                    .gateway(metrics.timedGateway(new InMemoryProvider(clock, new MockClock())))
                    .flows(InMemoryStores.flows(clock))
                    .abuseControls(InMemoryStores.abuseControls(AbuseControlPolicy.none()))
                    .brand(new Brand("Acme"))
                    .clock(clock)
                    .build();
            metrics.listenTo(verifications).bindTo(registry);

            StartResult started = verifications.start(StartCommand.to(PhoneNumber.parse("+447700900001")));
            verifications.check(new CheckCommand(((StartResult.Started) started).flow().id(),
                    VerificationCode.parse(InMemoryProvider.RIGHT_CODE)));

            assertThat(registry.get(PhoneVerifyMeterNames.CONVERSION_RATE).tag(PhoneVerifyMeterNames.CALLING_CODE, "44")
                    .gauge().value()).isEqualTo(1.0);
        }
    }
}
