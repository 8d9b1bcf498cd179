package dev.phoneverify.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.ConversionAlarmPolicy;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The names a Prometheus scrape (an app's {@code /metrics}) shows, as README lists them. */
class PrometheusNamesTest {
    final Clock clock = Clock.fixed(Instant.parse("2030-01-01T10:00:00Z"), ZoneOffset.UTC);
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void aScrapeShowsEachMeterUnderItsPrometheusName() {
        try (PhoneVerifyMetrics metrics = PhoneVerifyMetrics.create()) {
            Verifications verifications = Verifications.builder()
                    .gateway(metrics.timedGateway(new InMemoryProvider(clock, new MockClock())))
                    .flows(InMemoryStores.flows(clock))
                    .abuseControls(InMemoryStores.abuseControls(AbuseControlPolicy.none()
                            .withConversionAlarm(new ConversionAlarmPolicy(0.5, 1, Duration.ofHours(1)))))
                    .brand(new Brand("Acme"))
                    .clock(clock)
                    .build();
            metrics.listenTo(verifications).bindTo(registry);

            StartResult started = metrics.startVerification(verifications)
                    .start(StartCommand.to(PhoneNumber.parse("+447700900001")));
            verifications.check(new CheckCommand(((StartResult.Started) started).flow().id(),
                    VerificationCode.parse(InMemoryProvider.RIGHT_CODE)));
        }

        assertThat(registry.scrape()).contains(
                "phoneverify_starts_total{calling_code=\"44\",channel=\"sms\"} 1.0",
                "phoneverify_checks_total{outcome=\"accepted\"} 1.0",
                "phoneverify_ended_verifications_total{calling_code=\"44\",reason=\"code_verified\"} 1.0",
                "phoneverify_refusals_total{limit=\"per_number\"} 0.0",
                "phoneverify_conversion_rate_ratio{calling_code=\"44\"} 1.0",
                "phoneverify_conversion_alarm{calling_code=\"44\"} 0.0",
                "phoneverify_gateway_calls_seconds_count{error=\"none\",operation=\"check\",outcome=\"correct\"} 1");
    }
}
