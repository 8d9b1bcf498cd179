package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.ConversionAlarmPolicy;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.ConversionCounts;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.ConversionAlarm;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversion alarm on PostgreSQL, where the counts ride along with the flow writes: raised once when the rate
 * falls under the threshold, cleared once when verifications bring it back, and only those two writes cost a
 * statement more.
 */
class ConversionAlarmOnPostgresTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int MIN_STARTS = 5;
    /** Only the alarm, so no limit refuses the starts to one country. */
    private static final AbuseControlPolicy POLICY = AbuseControlPolicy.none()
            .withConversionAlarm(new ConversionAlarmPolicy(0.5, MIN_STARTS, Duration.ofHours(1)));
    private static PostgresStores stores;

    private final List<ConversionAlarm> alarms = new CopyOnWriteArrayList<>();
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
    void emptyDatabase() {
        TestPostgres.truncate(stores.dataSource(), "verification_flow, conversion_bucket, conversion_alarm");
        counting = new StatementCountingDataSource(stores.dataSource());
        DataSource database = counting.dataSource();
        verifications = Verifications.builder().gateway(new ScriptedProvider(CLOCK))
                .flows(new JdbcFlowStore(database, CLOCK))
                .abuseControls(new AbuseControls(POLICY, new JdbcRateLimitStore(database),
                        new JdbcConversionStatsStore(database, CLOCK)))
                .brand(new Brand("Alarm")).clock(CLOCK).build();
        verifications.addAlarmListener(alarms::add);
    }

    @Test
    void raisedOnceByTheStartThatCrossesTheThresholdAndClearedOnceByTheVerificationThatBringsItBack() {
        List<FlowId> flows = new ArrayList<>();
        List<Integer> statements = new ArrayList<>();
        for (int i = 0; i < MIN_STARTS + 1; i++) {
            int before = counting.statementsExecuted();
            StartResult started = verifications.start(StartCommand.to(PhoneNumber.parse("+4477009002" + (10 + i))));
            statements.add(counting.statementsExecuted() - before);
            flows.add(((StartResult.Started) started).flow().id());
        }

        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(alarm.callingCode()).isEqualTo(new CallingCode("44"));
            assertThat(alarm.state()).isEqualTo(ConversionAlarm.State.RAISED);
            assertThat(alarm.counts()).isEqualTo(new ConversionCounts(MIN_STARTS, 0));
        });
        assertThat(statements).as("the raising start writes the flag; the others only insert with their count")
                .containsExactly(1, 1, 1, 1, 2, 1);

        for (int i = 0; i < 3; i++) {
            assertThat(verifications.check(new CheckCommand(flows.get(i), ScriptedProvider.CODE)))
                    .isInstanceOf(CheckResult.Verified.class);
        }

        assertThat(alarms).extracting(ConversionAlarm::state)
                .containsExactly(ConversionAlarm.State.RAISED, ConversionAlarm.State.CLEARED);
        assertThat(alarms.get(1).counts()).isEqualTo(new ConversionCounts(MIN_STARTS + 1, 3));
        assertThat(verifications.raisedConversionAlarms()).isEmpty();
    }
}
