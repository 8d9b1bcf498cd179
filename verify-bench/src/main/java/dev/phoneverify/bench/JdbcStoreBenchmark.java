package dev.phoneverify.bench;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.store.jdbc.DatabaseSettings;
import dev.phoneverify.store.jdbc.JdbcFlowStore;
import dev.phoneverify.store.jdbc.PostgresStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Complete verifications per second (start, read the code, check it) through {@link Verifications} over the
 * fake, with the flows kept in memory, in PostgreSQL by one instance, and in PostgreSQL by two instances (two
 * services, two pools, one database, one fake) where every flow is started on one instance and checked on the
 * other.
 *
 * <p>The database is {@code -Dphoneverify.bench.dbUrl} (with {@code .dbUser}, {@code .dbPassword}) when given, else
 * an embedded PostgreSQL started for the trial. PostgreSQL refuses to run as root; as root, run the jar under
 * {@code unshare --user --map-user=1000 --map-group=1000} (see the verify-store-jdbc README).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(4)
public class JdbcStoreBenchmark {
    private static final Brand BRAND = new Brand("Bench");

    /** The provider, the instances and, for the JDBC cases, the database; shared by all threads. */
    @State(Scope.Benchmark)
    public static class Instances {
        /** {@code memory}: one instance on its in-memory store; {@code jdbc}: one or two on PostgreSQL. */
        @Param({"memory", "jdbc-1", "jdbc-2"})
        public String setup;

        final AtomicLong numbers = new AtomicLong(447_700_000_000L);
        final AtomicInteger callers = new AtomicInteger();
        final List<Verifications> services = new ArrayList<>();
        final List<JdbcFlowStore> jdbcStores = new ArrayList<>();
        private final List<PostgresStores> pools = new ArrayList<>();
        private EmbeddedPostgres embedded;
        FakeVerificationGateway fake;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            // Real time moves on, so a zero retention window lets the fake drop finished requests at the next call.
            FakeClock clock = FakeClock.followingSystemTime();
            fake = FakeVerificationGateway.builder().clock(clock).retention(Duration.ZERO).build();
            if (setup.equals("memory")) {
                services.add(service(new InMemoryFlowStore(clock, Duration.ZERO), clock));
                return;
            }
            DatabaseSettings database = database();
            int instances = setup.equals("jdbc-2") ? 2 : 1;
            for (int i = 0; i < instances; i++) {
                PostgresStores pool = PostgresStores.connect(database);
                pools.add(pool);
                JdbcFlowStore store = pool.flowStore(clock, Duration.ZERO);
                jdbcStores.add(store);
                services.add(service(store, clock));
            }
        }

        /** Keeps the table as small as it would be under a running purge, so iterations compare fairly. */
        @Setup(Level.Iteration)
        public void purge() {
            jdbcStores.forEach(JdbcFlowStore::purgeBeyondRetention);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            pools.forEach(PostgresStores::close);
            if (embedded != null) {
                embedded.close();
            }
        }

        private DatabaseSettings database() throws IOException {
            String url = System.getProperty("phoneverify.bench.dbUrl");
            if (url != null) {
                return DatabaseSettings.of(url, System.getProperty("phoneverify.bench.dbUser", "postgres"),
                        System.getProperty("phoneverify.bench.dbPassword", ""));
            }
            embedded = EmbeddedPostgres.builder().start();
            return DatabaseSettings.of(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
        }

        /** Abuse controls off: each thread verifies its own number many times a second, as no user would. */
        private Verifications service(FlowStore store, FakeClock clock) {
            return Verifications.builder().gateway(fake).flows(store).abuseControls(AbuseControls.off())
                    .brand(BRAND).clock(clock).build();
        }
    }

    /** One benchmark thread: its own number, and which instance it starts on and which it checks on. */
    @State(Scope.Thread)
    public static class Caller {
        PhoneNumber number;
        StartCommand start;
        Verifications startsOn;
        Verifications checksOn;

        @Setup(Level.Trial)
        public void setUp(Instances instances) {
            number = PhoneNumber.parse(Long.toString(instances.numbers.incrementAndGet()));
            start = StartCommand.to(number);
            int index = instances.callers.getAndIncrement();
            List<Verifications> services = instances.services;
            startsOn = services.get(index % services.size());
            checksOn = services.get((index + 1) % services.size());
        }
    }

    @Benchmark
    public CheckResult verify(Instances instances, Caller caller) {
        VerificationFlow flow = Outcomes.startedFlow(caller.startsOn.start(caller.start));
        VerificationCode code = VerificationCode.parse(instances.fake.lastCodeFor(caller.number).orElseThrow());
        return caller.checksOn.check(new CheckCommand(flow.id(), code));
    }
}
