package dev.phoneverify.spring;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.TokenReplayStore;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.store.jdbc.JdbcConversionStatsStore;
import dev.phoneverify.store.jdbc.JdbcFlowStore;
import dev.phoneverify.store.jdbc.JdbcIdempotencyStore;
import dev.phoneverify.store.jdbc.JdbcRateLimitStore;
import dev.phoneverify.store.jdbc.JdbcTokenReplayStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** One configuration per {@code phoneverify.store}: where the flows, the abuse controls' counters and
 * the starts' idempotency keys are kept. */
final class StoreConfigurations {

    private StoreConfigurations() {
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(Chosen.MemoryStore.class)
    static class Memory {
        @Bean
        @ConditionalOnMissingBean
        FlowStore phoneVerifyFlowStore(Clock clock) {
            return InMemoryStores.flows(clock);
        }

        @Bean
        @ConditionalOnMissingBean
        AbuseControls phoneVerifyAbuseControls(AbuseControlPolicy policy) {
            return InMemoryStores.abuseControls(policy);
        }

        @Bean
        @ConditionalOnMissingBean
        IdempotencyStore phoneVerifyIdempotencyKeys(Clock clock) {
            return InMemoryStores.idempotencyKeys(clock);
        }

        @Bean
        @ConditionalOnMissingBean
        TokenReplayStore phoneVerifyTokenReplays() {
            return InMemoryStores.tokenReplays();
        }
    }

    /**
     * The PostgreSQL stores over the application's own {@code DataSource}, whose pool the application configures
     * ({@code spring.datasource.*}); the phone-verify tables are migrated at start-up, with a history table of
     * their own, so the application's own Flyway migrations are not disturbed.
     */
    @Configuration(proxyBeanMethods = false)
    @Conditional(Chosen.PostgresStore.class)
    static class Postgres {
        @Bean
        @ConditionalOnMissingBean
        PostgresSchema phoneVerifySchema(ObjectProvider<DataSource> dataSource) {
            DataSource database = dataSource.getIfUnique();
            if (database == null) {
                throw new PhoneVerifyConfigException("phoneverify.store=postgres keeps verifications in the"
                        + " application's DataSource, and there is none (or more than one): add"
                        + " spring-boot-starter-jdbc and the PostgreSQL driver and set spring.datasource.url,"
                        + " or define one DataSource bean");
            }
            return PostgresSchema.migrate(database);
        }

        @Bean
        @ConditionalOnMissingBean
        FlowStore phoneVerifyFlowStore(PostgresSchema schema, Clock clock) {
            return new JdbcFlowStore(schema.dataSource(), clock);
        }

        @Bean
        @ConditionalOnMissingBean
        AbuseControls phoneVerifyAbuseControls(PostgresSchema schema, AbuseControlPolicy policy, Clock clock) {
            return new AbuseControls(policy, new JdbcRateLimitStore(schema.dataSource()),
                    new JdbcConversionStatsStore(schema.dataSource(), clock));
        }

        @Bean
        @ConditionalOnMissingBean
        IdempotencyStore phoneVerifyIdempotencyKeys(PostgresSchema schema) {
            return new JdbcIdempotencyStore(schema.dataSource());
        }

        /** Webhook tokens any instance accepted, so a replay to another instance on the database fails too. */
        @Bean
        @ConditionalOnMissingBean
        TokenReplayStore phoneVerifyTokenReplays(PostgresSchema schema) {
            return new JdbcTokenReplayStore(schema.dataSource());
        }
    }
}
