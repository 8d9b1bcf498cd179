package dev.phoneverify.bench;

import dev.phoneverify.app.AppConfig;
import dev.phoneverify.app.HttpSettings;
import dev.phoneverify.app.RunningApp;
import dev.phoneverify.app.VerifyApp;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.store.jdbc.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's JSON API on the memory store and on PostgreSQL, with the default abuse controls on, next to pgbench
 * on the same PostgreSQL server in the same run: complete verifications at a fixed rate and saturated, their
 * latency percentiles (HdrHistogram), the database transactions per verification, and verifications/s over
 * pgbench's simple-update tps.
 *
 * <p>The per-calling-code send limit is raised out of reach (its counter still runs on every start), since a load
 * test sends thousands of codes to one country an hour; every other control is at its default, and each
 * verification has a number and a client address of its own ({@link VerificationClient}).
 *
 * <p>Run: {@code java -cp verify-bench/target/benchmarks.jar dev.phoneverify.bench.DatabaseLoad [seconds [rate
 * [clients]]]}: phase length (default 30), the fixed rate (default 100 verifications/s), saturating clients
 * (default 4).
 */
public final class DatabaseLoad {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final int FIXED_RATE_THREADS = 32;

    private DatabaseLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile",
                    Path.of(System.getProperty("java.io.tmpdir"), "database-load-app.log").toString());
        }
        Duration length = Duration.ofSeconds(seconds);
        AbuseControlPolicy policy = AbuseControlPolicy.defaults().withSendLimits(SendLimitPolicy.defaults()
                .withPerCallingCode(SendLimit.of(Integer.MAX_VALUE, SendLimitPolicy.DEFAULT_WINDOW)));
        AppConfig memory = AppConfig.fake(0).withAbuseControls(policy)
                .withHttp(HttpSettings.defaults().withTrustedProxies("127.0.0.1"));
        List<String> lines = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            double pgbenchBefore = pgbench(postgres.getPort(), Math.max(5, seconds / 2), clients);
            List<LatencyPhases.Result> inMemory = new ArrayList<>();
            List<LatencyPhases.Result> onPostgres = new ArrayList<>();
            try (RunningApp memoryApp = VerifyApp.start(memory);
                 RunningApp postgresApp = VerifyApp.start(memory.withPostgres(DatabaseSettings.of(url, "postgres",
                         "")))) {
                Side memorySide = new Side("memory", memoryApp, 447_800_000_000L, null, inMemory);
                Side postgresSide = new Side("postgresql", postgresApp, 447_900_000_000L, postgres, onPostgres);
                // Both apps live in this JVM and share its compiled code: each is warmed up, then every phase runs
                // on both, back to back, in alternating order, so neither side gets a warmer JIT or a quieter
                // machine.
                memorySide.warmUp(length, clients, rate);
                postgresSide.warmUp(length, clients, rate);
                memorySide.fixedRate(rate, length);
                postgresSide.fixedRate(rate, length);
                postgresSide.saturated(length, clients);
                memorySide.saturated(length, clients);
            }
            double pgbenchAfter = pgbench(postgres.getPort(), Math.max(5, seconds / 2), clients);
            inMemory.forEach(result -> lines.add("memory:     " + result.line()));
            onPostgres.forEach(result -> lines.add("postgresql: " + result.line()));
            double tps = (pgbenchBefore + pgbenchAfter) / 2;
            LatencyPhases.Result fixedMemory = inMemory.get(0);
            LatencyPhases.Result fixedPostgres = onPostgres.get(0);
            LatencyPhases.Result saturatedPostgres = onPostgres.get(1);
            lines.add(String.format(Locale.ROOT, "pgbench simple-update, %d clients, same server: %,.0f tps before, "
                    + "%,.0f after, mean %,.0f", clients, pgbenchBefore, pgbenchAfter, tps));
            double ratio = saturatedPostgres.perSecond() / tps;
            lines.add(String.format(Locale.ROOT, "postgresql saturated / pgbench: %,.0f / %,.0f = %.3f "
                            + "(target >= 0.25: %s)", saturatedPostgres.perSecond(), tps, ratio,
                    ratio >= 0.25 ? "met" : "missed"));
            for (LatencyPhases.Result fixed : List.of(fixedMemory, fixedPostgres)) {
                if (fixed.perSecond() < rate * 0.95) {
                    lines.add(String.format(Locale.ROOT, "warning: a side kept only %,.0f of %d verifications/s: "
                            + "the machine is too loaded for this rate, and its percentiles measure a queue",
                            fixed.perSecond(), rate));
                }
            }
            double p99Ratio = fixedPostgres.millis(99) / fixedMemory.millis(99);
            lines.add(String.format(Locale.ROOT, "p99 at %d/s: postgresql %.2f ms / memory %.2f ms = %.2fx "
                    + "(target <= 1.5x: %s)", rate, fixedPostgres.millis(99), fixedMemory.millis(99), p99Ratio,
                    p99Ratio <= 1.5 ? "met" : "missed"));
        }
        lines.forEach(System.out::println);
        System.exit(0);
    }

    /** One app under load, and the results of its measured phases: the fixed rate first, then saturated. */
    private record Side(String store, LatencyPhases phases, EmbeddedPostgres database,
                        List<LatencyPhases.Result> results) {
        Side(String store, RunningApp app, long firstNumber, EmbeddedPostgres database,
             List<LatencyPhases.Result> results) {
            this(store, new LatencyPhases(new VerificationClient(app.port(), firstNumber)), database, results);
        }

        /** Saturated, then at the fixed rate: the fixed rate's 32 threads run their own paths hot as well. */
        void warmUp(Duration length, int clients, int rate) throws Exception {
            report(phases.saturated(store + " warm-up", length, clients));
            report(phases.fixedRate(store + " warm-up at " + rate + "/s", rate, length.dividedBy(2),
                    FIXED_RATE_THREADS));
        }

        void fixedRate(int rate, Duration length) throws Exception {
            results.add(0, report(phases.fixedRate("at " + rate + " verifications/s", rate, length,
                    FIXED_RATE_THREADS)));
        }

        void saturated(Duration length, int clients) throws Exception {
            long before = database == null ? 0 : transactions(database);
            LatencyPhases.Result saturated = report(phases.saturated("saturated, " + clients + " clients", length,
                    clients));
            results.add(saturated);
            if (database != null) {
                double perVerification = (double) (transactions(database) - before) / saturated.verifications();
                System.out.printf(Locale.ROOT, "postgresql: %.2f database transactions per verification "
                        + "(each statement in auto-commit is one, and so is a pool's connection check)%n",
                        perVerification);
            }
        }

        private LatencyPhases.Result report(LatencyPhases.Result result) {
            System.out.println(store + ": " + result.line());
            Optional.ofNullable(phases.firstFailure())
                    .ifPresent(failure -> System.out.println(store + ": first failure: " + failure));
            return result;
        }
    }

    /** Committed transactions on the server so far (the app's statements run one each, in auto-commit). */
    private static long transactions(EmbeddedPostgres database) throws SQLException {
        try (Connection connection = database.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet row = statement.executeQuery(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** pgbench's built-in simple-update on the same server, in a database of its own; its tps. */
    private static double pgbench(int port, int seconds, int clients) throws IOException, InterruptedException {
        run(List.of("psql", "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres", "-c",
                "DROP DATABASE IF EXISTS pgbench", "-c", "CREATE DATABASE pgbench", "postgres"));
        run(List.of("pgbench", "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres", "-i", "-q", "-s",
                "10", "pgbench"));
        String out = run(List.of("pgbench", "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres", "-n",
                "-b", "simple-update", "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds),
                "pgbench"));
        Matcher tps = TPS.matcher(out);
        if (!tps.find()) {
            throw new IOException("pgbench printed no tps:\n" + out);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
