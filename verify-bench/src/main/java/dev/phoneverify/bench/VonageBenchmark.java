package dev.phoneverify.bench;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.verify.CheckResponse;
import com.vonage.client.verify.VerifyClient;
import com.vonage.client.verify.VerifyResponse;
import com.vonage.client.verify.VerifyStatus;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.emulator.VerifyEmulator;
import dev.phoneverify.adapter.vonage.VonageConfig;
import dev.phoneverify.adapter.vonage.VonageVerificationGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.StartCommand;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One complete verification over HTTP on loopback, against the fake's Verify v1 emulator: through
 * {@link Verifications} and {@link VonageVerificationGateway}, and with the raw SDK ({@code VerifyClient.verify}
 * then {@code check}). Both read the code from the emulator's outbox in the same way, so the emulator and the
 * code lookup cost both sides the same and the ratio shows what the library adds on top of the SDK.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The SDK builds a Jackson ObjectMapper for every answer it parses; on 2 cores C2 compiles that path for 20-30 s,
// so a shorter warm-up measures the compiler (see VonageAlternating).
@Warmup(iterations = 20, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VonageBenchmark {
    private static final String KEY = "benchkey";
    private static final String SECRET = "bench-secret";
    private static final Brand BRAND = new Brand("Bench");

    /** One emulator, one adapter with its service, and one raw SDK client, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        VerifyEmulator emulator;
        FakeVerificationGateway fake;
        Verifications service;
        @SuppressWarnings("deprecation") // Verify v1 is deprecated in the SDK, yet it is the API under test.
        VerifyClient rawSdk;
        final AtomicLong numbers = new AtomicLong(447_700_100_000L);

        @Setup(Level.Trial)
        @SuppressWarnings("deprecation")
        public void setUp() {
            FakeClock clock = FakeClock.followingSystemTime();
            fake = FakeVerificationGateway.builder().clock(clock).retention(Duration.ZERO).build();
            emulator = VerifyEmulator.start(fake, new InetSocketAddress("127.0.0.1", 0), KEY, SECRET);
            VonageVerificationGateway adapter = new VonageVerificationGateway(VonageConfig.builder()
                    .apiKey(KEY).apiSecret(SECRET).baseUri(emulator.baseUri()).build());
            // Abuse controls off: the benchmark starts many flows per second for a few numbers.
            service = Verifications.builder().gateway(adapter).flows(new InMemoryFlowStore(clock, Duration.ZERO))
                    .abuseControls(AbuseControls.off()).brand(BRAND).clock(clock).build();
            rawSdk = VonageClient.builder().apiKey(KEY).apiSecret(SECRET)
                    .httpConfig(HttpConfig.builder().apiBaseUri(emulator.baseUri().toString()).build())
                    .build().getVerifyClient();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            emulator.close();
        }
    }

    /** The number one benchmark thread verifies, again and again. */
    @State(Scope.Thread)
    public static class Caller {
        PhoneNumber number;
        StartCommand start;

        @Setup(Level.Trial)
        public void setUp(Shared shared) {
            number = PhoneNumber.parse(Long.toString(shared.numbers.incrementAndGet()));
            start = StartCommand.to(number);
        }
    }

    @Benchmark
    @Threads(1)
    public CheckResult coreAndVonageOneThread(Shared shared, Caller caller) {
        return verifyThroughService(shared, caller);
    }

    @Benchmark
    @Threads(2)
    public CheckResult coreAndVonageTwoThreads(Shared shared, Caller caller) {
        return verifyThroughService(shared, caller);
    }

    @Benchmark
    @Threads(1)
    public VerifyStatus rawSdkOneThread(Shared shared, Caller caller) {
        return verifyWithSdk(shared, caller);
    }

    @Benchmark
    @Threads(2)
    public VerifyStatus rawSdkTwoThreads(Shared shared, Caller caller) {
        return verifyWithSdk(shared, caller);
    }

    static CheckResult verifyThroughService(Shared shared, Caller caller) {
        VerificationFlow flow = Outcomes.startedFlow(shared.service.start(caller.start));
        VerificationCode code = VerificationCode.parse(shared.fake.lastCodeFor(caller.number).orElseThrow());
        return Outcomes.requireVerified(shared.service.check(new CheckCommand(flow.id(), code)));
    }

    @SuppressWarnings("deprecation")
    static VerifyStatus verifyWithSdk(Shared shared, Caller caller) {
        VerifyResponse started = shared.rawSdk.verify(caller.number.digits(), BRAND.value());
        String code = shared.fake.lastCodeFor(caller.number).orElseThrow();
        CheckResponse checked = shared.rawSdk.check(started.getRequestId(), code);
        if (checked.getStatus() != VerifyStatus.OK) {
            throw new IllegalStateException("the SDK did not verify: " + checked.getStatus());
        }
        return checked.getStatus();
    }
}
