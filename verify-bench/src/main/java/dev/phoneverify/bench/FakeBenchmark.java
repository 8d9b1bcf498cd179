package dev.phoneverify.bench;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.StartCommand;
import java.time.Clock;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One complete verification (start, read the code from the outbox, check it) against the fake alone, and the same
 * through {@link Verifications} over the fake, side by side; and the service over a gateway that does nothing
 * ({@link InstantGateway}), which isolates what the core itself costs per verification.
 *
 * <p>Each benchmark thread verifies its own number again and again: a verified request frees its number, and a
 * zero retention window lets the fake and the store drop finished requests at once, so memory stays flat.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FakeBenchmark {
    private static final Brand BRAND = new Brand("Bench");
    /** The instant gateway accepts any code, so there is none to read. */
    private static final VerificationCode ANY_CODE = VerificationCode.parse("1234");

    /** One fake and one service shared by all threads, as an app would share them. */
    @State(Scope.Benchmark)
    public static class Shared {
        FakeVerificationGateway fake;
        Verifications service;
        Verifications serviceOnInstantGateway;
        final AtomicLong numbers = new AtomicLong(447_700_000_000L);

        @Setup(Level.Trial)
        public void setUp() {
            // Real time moves on, so a zero retention window lets finished requests go at the next call.
            FakeClock clock = FakeClock.followingSystemTime();
            fake = FakeVerificationGateway.builder().clock(clock).retention(Duration.ZERO).build();
            // Abuse controls off: the benchmark starts many flows per second for a few numbers.
            service = verifications(fake, new InMemoryFlowStore(clock, Duration.ZERO), clock);
            serviceOnInstantGateway = verifications(new InstantGateway(clock, n -> Duration.ofMinutes(5)),
                    new InMemoryFlowStore(clock, Duration.ZERO), clock);
        }

        private static Verifications verifications(VerificationGateway gateway, FlowStore store, Clock clock) {
            return Verifications.builder().gateway(gateway).flows(store).abuseControls(AbuseControls.off())
                    .brand(BRAND).clock(clock).build();
        }
    }

    /** The number one benchmark thread verifies. */
    @State(Scope.Thread)
    public static class Caller {
        PhoneNumber number;
        StartRequest request;
        StartCommand start;

        @Setup(Level.Trial)
        public void setUp(Shared shared) {
            number = PhoneNumber.parse(Long.toString(shared.numbers.incrementAndGet()));
            request = StartRequest.of(number, BRAND, 4, shared.fake.capabilities().defaultWorkflow());
            start = StartCommand.to(number);
        }
    }

    @Benchmark
    @Threads(1)
    public CheckOutcome fakeOneThread(Shared shared, Caller caller) {
        return verifyOnFake(shared, caller);
    }

    @Benchmark
    @Threads(2)
    public CheckOutcome fakeTwoThreads(Shared shared, Caller caller) {
        return verifyOnFake(shared, caller);
    }

    @Benchmark
    @Threads(1)
    public CheckResult coreAndFakeOneThread(Shared shared, Caller caller) {
        return verifyThroughService(shared, caller);
    }

    @Benchmark
    @Threads(2)
    public CheckResult coreAndFakeTwoThreads(Shared shared, Caller caller) {
        return verifyThroughService(shared, caller);
    }

    @Benchmark
    @Threads(1)
    public CheckResult coreAloneOneThread(Shared shared, Caller caller) {
        return verifyWithoutGateway(shared, caller);
    }

    @Benchmark
    @Threads(2)
    public CheckResult coreAloneTwoThreads(Shared shared, Caller caller) {
        return verifyWithoutGateway(shared, caller);
    }

    private static CheckResult verifyWithoutGateway(Shared shared, Caller caller) {
        VerificationFlow flow = Outcomes.startedFlow(shared.serviceOnInstantGateway.start(caller.start));
        return shared.serviceOnInstantGateway.check(new CheckCommand(flow.id(), ANY_CODE));
    }

    private static CheckOutcome verifyOnFake(Shared shared, Caller caller) {
        StartOutcome.Started started = (StartOutcome.Started) shared.fake.start(caller.request);
        VerificationCode code = VerificationCode.parse(shared.fake.lastCodeFor(caller.number).orElseThrow());
        return shared.fake.check(started.requestId(), code);
    }

    private static CheckResult verifyThroughService(Shared shared, Caller caller) {
        VerificationFlow flow = Outcomes.startedFlow(shared.service.start(caller.start));
        VerificationCode code = VerificationCode.parse(shared.fake.lastCodeFor(caller.number).orElseThrow());
        return shared.service.check(new CheckCommand(flow.id(), code));
    }
}
