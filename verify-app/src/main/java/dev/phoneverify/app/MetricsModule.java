package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.phoneverify.app.web.MetricsScrape;
import dev.phoneverify.micrometer.PhoneVerifyMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * verify-micrometer's meters in a Prometheus registry, scraped at {@code GET /metrics}. The {@link CoreModule} hands
 * the use cases and the gateway to {@link PhoneVerifyMetrics}; this module owns the registry the scrape reads.
 */
final class MetricsModule extends AbstractModule {
    /** The content type of Prometheus' text exposition format, version 0.0.4, which every scraper reads. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Provides
    @Singleton
    PrometheusMeterRegistry registry(PhoneVerifyMetrics metrics) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.bindTo(registry);
        return registry;
    }

    @Provides
    @Singleton
    PhoneVerifyMetrics metrics() {
        return PhoneVerifyMetrics.create();
    }

    @Provides
    MetricsScrape scrape(PrometheusMeterRegistry registry) {
        return new MetricsScrape(PROMETHEUS_TEXT, registry::scrape);
    }
}
