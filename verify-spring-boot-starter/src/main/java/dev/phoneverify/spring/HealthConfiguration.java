package dev.phoneverify.spring;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.port.VerificationGateway;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Actuator health indicator {@code phoneVerify}, when the application has Boot's health support. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
class HealthConfiguration {
    /** A readiness probe waits on it; a provider that takes longer to accept a connection counts as down. */
    private static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    @ConditionalOnMissingBean(name = "phoneVerifyHealthIndicator")
    PhoneVerifyHealthIndicator phoneVerifyHealthIndicator(PhoneVerifyProperties properties,
                                                          VerificationGateway gateway,
                                                          ObjectProvider<PostgresSchema> schema) {
        Optional<PostgresSchema> database = Optional.ofNullable(schema.getIfUnique());
        PhoneVerifyHealthIndicator.Probe store = database.<PhoneVerifyHealthIndicator.Probe>map(
                found -> found::isAvailable).orElse(() -> true);
        return new PhoneVerifyHealthIndicator(database.isPresent() ? "postgres" : "memory", store,
                gatewayName(properties, gateway), gatewayProbe(properties, gateway));
    }

    private static String gatewayName(PhoneVerifyProperties properties, VerificationGateway gateway) {
        return gateway instanceof FakeVerificationGateway ? "fake"
                : properties.getGateway().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** In this process: always up; a provider: its API's host accepts a TCP connection (which costs nothing). */
    private static PhoneVerifyHealthIndicator.Probe gatewayProbe(PhoneVerifyProperties properties,
                                                                 VerificationGateway gateway) {
        if (gateway instanceof FakeVerificationGateway) {
            return () -> true;
        }
        String baseUrl = properties.getVonage().getBaseUrl();
        URI api = URI.create(baseUrl == null || baseUrl.isBlank() ? "https://api.nexmo.com" : baseUrl.strip());
        return PhoneVerifyHealthIndicator.tcp(api, GATEWAY_TIMEOUT);
    }
}
