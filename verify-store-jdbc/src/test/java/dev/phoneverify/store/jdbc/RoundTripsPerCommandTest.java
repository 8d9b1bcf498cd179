package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database round trips of each command on PostgreSQL, with every abuse control on at its defaults (as the app
 * configures them): one before the provider call and one after it. A change that adds a statement fails here.
 */
class RoundTripsPerCommandTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900321");
    private static final StartCommand START = StartCommand.to(NUMBER).withClient(new ClientKey("203.0.113.7"));
    private static PostgresStores stores;

    private StatementCountingDataSource counting;
    private Verifications verifications;

    @BeforeAll
    static void connect() {
        stores = PostgresStores.connect(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void disconnect() {
        stores.close();
    }

    @BeforeEach
    void countEveryStatement() {
        TestPostgres.truncate(stores.dataSource(),
                "verification_flow, rate_limit_counter, rate_limit_hold, conversion_bucket, conversion_alarm");
        counting = new StatementCountingDataSource(stores.dataSource());
        DataSource database = counting.dataSource();
        AbuseControls controls = new AbuseControls(AbuseControlPolicy.defaults(), new JdbcRateLimitStore(database),
                new JdbcConversionStatsStore(database, CLOCK));
        verifications = Verifications.builder().gateway(new ScriptedProvider(CLOCK))
                .flows(new JdbcFlowStore(database, CLOCK)).abuseControls(controls)
                .brand(new Brand("RoundTrips")).clock(CLOCK).build();
    }

    @Test
    void aStartIsOneRoundTripBeforeTheProviderAndOneAfter() {
        assertThat(statementsOf(() -> verifications.start(START))).isEqualTo(2);
    }

    @Test
    void aCorrectCheckIsOneReadAndOneWrite() {
        FlowId flow = started();

        assertThat(statementsOf(() -> assertThat(verifications.check(new CheckCommand(flow, ScriptedProvider.CODE)))
                .isInstanceOf(CheckResult.Verified.class))).isEqualTo(2);
    }

    @Test
    void everyWrongCheckUpToTheFailureIsOneReadAndOneWrite() {
        FlowId flow = started();
        CheckCommand wrong = new CheckCommand(flow, ScriptedProvider.WRONG_CODE);

        assertThat(statementsOf(() -> verifications.check(wrong))).isEqualTo(2);
        assertThat(statementsOf(() -> verifications.check(wrong))).isEqualTo(2);
        assertThat(statementsOf(() -> assertThat(verifications.check(wrong)).isInstanceOf(CheckResult.Failed.class)))
                .as("the failure's hold is kept in the same write").isEqualTo(2);
    }

    @Test
    void aRefusedStartIsOneRoundTrip() {
        started();

        assertThat(statementsOf(() -> assertThat(verifications.start(START)).isInstanceOfSatisfying(
                StartResult.Refused.class, refused -> assertThat(refused.refusal())
                        .isInstanceOf(Refusal.RateLimited.class)))).isEqualTo(1);
    }

    private FlowId started() {
        StartResult result = verifications.start(START);
        assertThat(result).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).flow().id();
    }

    private int statementsOf(Runnable command) {
        int before = counting.statementsExecuted();
        command.run();
        return counting.statementsExecuted() - before;
    }

    private int statementsOf(Supplier<?> command) {
        return statementsOf((Runnable) command::get);
    }
}
