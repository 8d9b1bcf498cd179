package dev.phoneverify.bench;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.vonage.webhook.VonageVerifyWebhook;
import dev.phoneverify.adapter.vonage.webhook.WebhookAnswer;
import dev.phoneverify.adapter.vonage.webhook.WebhookSettings;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.emulator.CallbackSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;

/**
 * Vonage Verify v2's signed callbacks as the app's intake takes them, in process: {@link VonageVerifyWebhook} checks
 * each token (HS256, claims, age, the body's SHA-256), remembers its id, parses the body and applies it through the
 * core to a pending flow on the in-memory store. Callbacks verified and applied per second on 1 and on 2 threads,
 * and p50/p99 per callback (HdrHistogram).
 *
 * <p>Each phase starts its own pending flows through the core on the v2 fake (real request ids), and signs one
 * callback per flow beforehand, as the emulator signs them: a real intake receives tokens Vonage made, so signing
 * is not measured. The callbacks take turns: a {@code summary} {@code completed}, a {@code summary}
 * {@code expired}, an {@code event} {@code blocked}, each ending its flow. The program fails unless every callback
 * was answered 200 and every flow ended as its callback said. The intake's one INFO line per callback is turned
 * off: what a log line costs is the app's logging set-up, not the intake.
 *
 * <p>Run: {@code java -cp verify-bench/target/benchmarks.jar dev.phoneverify.bench.WebhookIntakeLoad [callbacks]}
 * (default 50,000 per phase, after a warm-up phase as large).
 */
public final class WebhookIntakeLoad {
    private static final String SECRET = "bench-signature-secret-0123456789abcdef";
    private static final String API_KEY = "benchkey";
    // Held so the level set on it stays: java.util.logging keeps loggers only weakly.
    private static final Logger INTAKE_LOG = Logger.getLogger(VonageVerifyWebhook.class.getName());

    /** The callback a flow gets, and the state it must end in. */
    private enum Kind {
        SUMMARY_COMPLETED(FlowState.VERIFIED),
        SUMMARY_EXPIRED(FlowState.EXPIRED),
        EVENT_BLOCKED(FlowState.FAILED);

        final FlowState ends;

        Kind(FlowState ends) {
            this.ends = ends;
        }

        /** The body in facts 2.8's shape, for {@code requestId}, at {@code at}. */
        String body(String requestId, Instant at) {
            return switch (this) {
                case SUMMARY_COMPLETED, SUMMARY_EXPIRED -> {
                    String status = this == SUMMARY_COMPLETED ? "completed" : "expired";
                    yield "{\"request_id\":\"" + requestId + "\",\"submitted_at\":\"" + at + "\",\"status\":\""
                            + status + "\",\"type\":\"summary\",\"channel_timeout\":180,\"workflow\":[{\"channel\":"
                            + "\"sms\",\"initiated_at\":\"" + at + "\",\"status\":\"" + status + "\"},{\"channel\":"
                            + "\"voice\",\"initiated_at\":\"" + at + "\",\"status\":\"unused\"}],\"finalized_at\":\""
                            + at + "\"}";
                }
                case EVENT_BLOCKED -> "{\"request_id\":\"" + requestId + "\",\"triggered_at\":\"" + at
                        + "\",\"type\":\"event\",\"channel\":\"sms\",\"status\":\"blocked\",\"finalized_at\":\""
                        + at + "\"}";
            };
        }
    }

    /** One phase's pending flows and their signed callbacks, index by index. */
    private record Batch(FlowId[] flows, Kind[] kinds, Optional<String>[] authorizations, byte[][] bodies) {
    }

    private final FakeClock clock = FakeClock.startingAt(Instant.now());
    private final Verifications service = Verifications.builder().gateway(FakeVerificationGateway.v2(clock))
            .flows(InMemoryStores.flows(clock)).abuseControls(AbuseControls.off()).brand(new Brand("Bench"))
            .clock(clock).build();
    private final VonageVerifyWebhook intake = new VonageVerifyWebhook(
            WebhookSettings.of(SECRET, service.defaultWorkflow()).withApiKey(API_KEY), service,
            InMemoryStores.tokenReplays());
    private final CallbackSignature vonage = new CallbackSignature(SECRET, API_KEY);
    private long nextNumber = 447_700_600_000L;

    private WebhookIntakeLoad() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        INTAKE_LOG.setLevel(Level.WARNING);
        WebhookIntakeLoad load = new WebhookIntakeLoad();
        load.measure(2, count);
        for (int threads : new int[] {1, 2}) {
            Histogram latency = new Histogram(3_600_000_000_000L, 3);
            double perSecond = load.measure(threads, count, latency);
            System.out.printf(Locale.ROOT, "webhook intake, %d thread%s: %,.0f callbacks/s verified and applied;"
                            + " per callback p50 %.1f us, p99 %.1f us, max %.1f us (%,d callbacks, all answered 200,"
                            + " every flow ended as its callback said)%n", threads, threads == 1 ? "" : "s",
                    perSecond, latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                    latency.getMaxValue() / 1e3, latency.getTotalCount());
        }
    }

    private double measure(int threads, int count) throws Exception {
        return measure(threads, count, new Histogram(3_600_000_000_000L, 3));
    }

    /** Prepares a batch, sends it on {@code threads}, checks every answer and flow; callbacks per second. */
    private double measure(int threads, int count, Histogram latency) throws Exception {
        Batch batch = prepare(count);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Histogram>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            running.add(pool.submit(() -> {
                Histogram mine = new Histogram(3_600_000_000_000L, 3);
                go.await();
                for (int i = first; i < count; i += threads) {
                    long began = System.nanoTime();
                    WebhookAnswer answer = intake.receive(batch.authorizations()[i], batch.bodies()[i]);
                    mine.recordValue(System.nanoTime() - began);
                    if (answer.status() != 200) {
                        throw new IllegalStateException("callback " + i + " (" + batch.kinds()[i] + ") answered "
                                + answer.status() + ": " + answer.body());
                    }
                }
                return mine;
            }));
        }
        long began = System.nanoTime();
        go.countDown();
        try {
            for (Future<Histogram> thread : running) {
                latency.add(thread.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double perSecond = count / ((System.nanoTime() - began) / 1e9);
        requireEnded(batch);
        return perSecond;
    }

    /** Starts {@code count} pending flows and signs one callback for each, in turn of {@link Kind}. */
    @SuppressWarnings("unchecked")
    private Batch prepare(int count) {
        Batch batch = new Batch(new FlowId[count], new Kind[count], new Optional[count], new byte[count][]);
        Kind[] kinds = Kind.values();
        Instant at = clock.instant();
        for (int i = 0; i < count; i++) {
            VerificationFlow flow = started(service.start(StartCommand.to(
                    PhoneNumber.parse(Long.toString(nextNumber++)))));
            Kind kind = kinds[i % kinds.length];
            byte[] body = kind.body(flow.requestId().value(), at).getBytes(StandardCharsets.UTF_8);
            batch.flows()[i] = flow.id();
            batch.kinds()[i] = kind;
            batch.bodies()[i] = body;
            batch.authorizations()[i] = Optional.of("Bearer " + vonage.sign(body));
        }
        return batch;
    }

    private static VerificationFlow started(StartResult result) {
        if (result instanceof StartResult.Started started && !started.flow().isTerminal()) {
            return started.flow();
        }
        throw new IllegalStateException("a start for the benchmark did not leave a pending flow: " + result);
    }

    /** Fails unless every flow of the batch is in the state its callback ends it in. */
    private void requireEnded(Batch batch) {
        for (int i = 0; i < batch.flows().length; i++) {
            FlowState state = service.find(batch.flows()[i]).map(VerificationFlow::state).orElse(null);
            if (state != batch.kinds()[i].ends) {
                throw new IllegalStateException("flow " + i + " got " + batch.kinds()[i] + " but is " + state
                        + ", not " + batch.kinds()[i].ends);
            }
        }
    }
}
