package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embed the core" lines, run against the fake so they keep compiling and keep working. Only the
 * gateway, the clock, the typed code and the app's {@code wording} are the test's own.
 */
class ReadmeExampleTest {
    /** The README's lines for the real gateway and clock, which the test replaces. */
    private static final Pattern OWN_LINES = Pattern.compile("systemUTC|VonageVerificationGateway|fromEnvironment");

    /** What an app says for each refusal; the README leaves it to the reader. */
    private final Refusal.Visitor<String> wording = new Refusal.Visitor<>() {
        public String flowNotFound(Refusal.FlowNotFound refusal) { return "No such verification."; }
        public String flowFinished(Refusal.FlowFinished refusal) { return "This verification has ended."; }
        public String rateLimited(Refusal.RateLimited refusal) { return "Please wait a moment."; }
        public String concurrentVerification(Refusal.ConcurrentVerification refusal) { return "A code is on its way."; }
        public String cancelNotPermitted(Refusal.CancelNotPermitted refusal) { return "It cannot be cancelled now."; }
        public String noNextStep(Refusal.NoNextStep refusal) { return "No other way to send the code."; }
        public String numberRejected(Refusal.NumberRejected refusal) { return "We cannot send to this number."; }
        public String unsupported(Refusal.Unsupported refusal) { return "This is not possible here."; }
        public String idempotencyKeyConflict(Refusal.IdempotencyKeyConflict refusal) { return "Already asked."; }
    };

    @Test
    void theEmbedExampleVerifiesANumber() {
        FakeClock fakeClock = new FakeClock();
        FakeVerificationGateway fake = FakeVerificationGateway.builder().clock(fakeClock).build();

        Clock clock = fakeClock;
        VerificationGateway vonage = fake;
        Verifications verifications = Verifications.builder()
                .gateway(vonage)
                .flows(InMemoryStores.flows(clock))                      // one process; verify-store-jdbc for several
                .abuseControls(InMemoryStores.defaultAbuseControls())    // send limits and cooldowns, counted in memory
                .brand(new Brand("Acme"))
                .clock(clock)
                .build();

        // The user typed their number: a code goes out by SMS (then a voice call, if they ask or wait).
        Optional<FlowId> id = verifications.start(StartCommand.to(PhoneNumber.parse("+44 7700 900000")))
                .accept(new StartResult.Visitor<>() {
                    public Optional<FlowId> started(StartResult.Started started) { return Optional.of(started.flow().id()); }
                    public Optional<FlowId> refused(StartResult.Refused refused) { return Optional.empty(); }
                });
        PhoneNumber number = PhoneNumber.parse("+44 7700 900000");
        String typedCode = fake.lastCodeFor(number).orElseThrow();

        // The user typed the code they received.
        String answer = verifications.check(new CheckCommand(id.orElseThrow(), VerificationCode.parse(typedCode)))
                .accept(new CheckResult.Visitor<>() {
                    public String verified(CheckResult.Verified verified) { return "Your number is confirmed."; }
                    public String wrongCode(CheckResult.WrongCode wrong) { return wrong.attemptsRemaining() + " attempts left."; }
                    public String failed(CheckResult.Failed failed) { return "Too many wrong codes."; }
                    public String expired(CheckResult.Expired expired) { return "The code expired; start again."; }
                    public String refused(CheckResult.Refused refused) { return refused.refusal().accept(wording); }
                });

        assertThat(answer).isEqualTo("Your number is confirmed.");
        assertThat(verifications.find(id.orElseThrow()).map(VerificationFlow::state)).contains(FlowState.VERIFIED);
        assertThat(fake.outboxFor(number)).first()
                .satisfies(message -> assertThat(message.text()).contains("Acme").contains(typedCode));
    }

    /** The lines above are the README's, but for the real gateway and clock the test cannot use. */
    @Test
    void theReadmeShowsTheLinesThisTestRuns() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Embed the core"));
        String example = section.substring(section.indexOf("```java") + "```java".length(), section.indexOf("```\n"));
        String test = Files.readString(Path.of("src", "test", "java", "dev", "phoneverify", "app",
                "ReadmeExampleTest.java"), StandardCharsets.UTF_8);

        List<String> readmeLines = example.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !OWN_LINES.matcher(line).find()).toList();

        assertThat(readmeLines).hasSizeGreaterThan(20)
                .allSatisfy(line -> assertThat(test).as("the test runs the README line %s", line).contains(line));
    }
}
