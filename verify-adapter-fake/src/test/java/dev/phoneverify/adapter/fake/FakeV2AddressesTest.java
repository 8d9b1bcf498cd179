package dev.phoneverify.adapter.fake;

import static dev.phoneverify.core.domain.Channel.EMAIL;
import static dev.phoneverify.core.domain.Channel.SMS;
import static dev.phoneverify.core.domain.Channel.VOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The v2 profile's custom codes with letters (facts §2.3), steps to different addresses and email-only workflows
 * with one request in flight per {@code to} (facts §2.3-2.6), and the optional hold after a cancel (facts §2.6
 * Concurrency), in process.
 */
class FakeV2AddressesTest {
    private static final Brand BRAND = new Brand("Acme");
    private static final String ADA = "447700900101";
    private static final String BOB = "447700900102";
    private static final String MAIL = "ada@example.com";

    private final FakeClock clock = new FakeClock();
    private final FakeVerificationGateway fake = FakeVerificationGateway.v2(clock);

    private static RequestId started(StartOutcome outcome) {
        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        return ((StartOutcome.Started) outcome).requestId();
    }

    private static VerificationCode lettered(String code) {
        return VerificationCode.parse(code, CodeAlphabet.LETTERS_AND_DIGITS);
    }

    @Test
    @DisplayName("facts §2.3 code: v2 takes custom codes of letters and digits, sends them as given, checks them case for case")
    void customCodesWithLetters() {
        assertThat(fake.capabilities().codeAlphabet()).isEqualTo(CodeAlphabet.LETTERS_AND_DIGITS);
        assertThat(FakeVerificationGateway.create().capabilities().codeAlphabet()).isEqualTo(CodeAlphabet.DIGITS);
        RequestId id = started(fake.start(V2Start.of(BRAND, V2Start.Step.of(SMS, ADA), V2Start.Step.of(VOICE, ADA))
                .withCustomCode(lettered("12aBcD"))));

        assertThat(fake.outboxTo(ADA)).singleElement().satisfies(message -> {
            assertThat(message.code()).isEqualTo("12aBcD");
            assertThat(message.text()).contains("12aBcD");
        });
        assertThat(fake.check(id, lettered("12abcd"))).as("another case is another code")
                .isInstanceOf(CheckOutcome.WrongCode.class);
        fake.advance(id);
        assertThat(fake.outboxTo(ADA)).last().extracting(DeliveredMessage::code).isEqualTo("12aBcD");
        assertThat(fake.check(id, lettered("12aBcD"))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    @DisplayName("facts §2.3 code: a port start with a lettered custom code works too; a wrong lettered check counts")
    void letteredCodesThroughThePort() {
        PhoneNumber number = PhoneNumber.parse(ADA);
        RequestId id = started(fake.start(new StartRequest(number, BRAND, 4, Workflow.of(SMS), Optional.empty(),
                Optional.empty(), Optional.of(lettered("Zz9Zz9")), Optional.empty())));
        assertThat(fake.lastCodeFor(number)).contains("Zz9Zz9");
        assertThat(fake.check(id, lettered("abcd"))).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(fake.check(id, lettered("abce"))).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(fake.check(id, lettered("abcf"))).isInstanceOf(CheckOutcome.TooManyAttempts.class);
    }

    @Test
    @DisplayName("facts §2.4-2.6: an email-only workflow has no number; its outbox is read by address, any case")
    void emailOnly() {
        RequestId id = started(fake.start(V2Start.of(BRAND, V2Start.Step.of(EMAIL, MAIL))));

        DeliveredMessage mail = fake.outboxTo("Ada@Example.com").get(0);
        assertThat(mail.channel()).isEqualTo(EMAIL);
        assertThat(mail.to()).isEqualTo(MAIL);
        assertThat(mail.phoneNumber()).isEmpty();
        assertThatThrownBy(mail::number).isInstanceOf(IllegalStateException.class).hasMessageContaining("to()");
        assertThat(fake.snapshot(id).orElseThrow().to()).containsExactly(MAIL);
        assertThat(fake.start(V2Start.of(BRAND, V2Start.Step.of(EMAIL, "ADA@example.com"))))
                .as("one request in flight per to").isEqualTo(new StartOutcome.ConcurrentVerification(id));
        assertThat(fake.check(id, VerificationCode.parse(mail.code()))).isInstanceOf(CheckOutcome.Correct.class);
        started(fake.start(V2Start.of(BRAND, V2Start.Step.of(EMAIL, MAIL))));
    }

    @Test
    @DisplayName("facts §2.6 Concurrency: steps to different numbers hold each of them; each step goes to its own to")
    void stepsToDifferentNumbers() {
        RequestId id = started(fake.start(V2Start.of(BRAND, V2Start.Step.of(SMS, ADA), V2Start.Step.of(VOICE, BOB),
                V2Start.Step.of(EMAIL, MAIL))));

        assertThat(fake.outboxTo(ADA)).hasSize(1);
        assertThat(fake.outboxTo(BOB)).isEmpty();
        assertThat(fake.start(V2Start.of(BRAND, V2Start.Step.of(SMS, BOB))))
                .isEqualTo(new StartOutcome.ConcurrentVerification(id));
        assertThat(fake.start(V2Start.of(BRAND, V2Start.Step.of(EMAIL, MAIL))))
                .isEqualTo(new StartOutcome.ConcurrentVerification(id));
        clock.advance(Duration.ofSeconds(180));
        assertThat(fake.outboxTo("+" + BOB)).singleElement().extracting(DeliveredMessage::channel).isEqualTo(VOICE);
        assertThat(fake.outboxFor(PhoneNumber.parse(ADA))).as("filed under the request's first number").hasSize(2);
        clock.advance(Duration.ofSeconds(180));
        assertThat(fake.outboxTo(MAIL)).hasSize(1);
        clock.advance(Duration.ofSeconds(180));
        assertThat(fake.snapshot(id).orElseThrow().status()).isEqualTo(RequestStatus.EXPIRED);
        started(fake.start(V2Start.of(BRAND, V2Start.Step.of(SMS, BOB))));
        assertThat(fake.activeRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("facts §2.4: a to that is neither E.164 digits nor, on email, an address is v2's 422")
    void badAddresses() {
        assertThatThrownBy(() -> fake.start(V2Start.of(BRAND, V2Start.Step.of(SMS, MAIL))))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.MISCONFIGURED));
        assertThatThrownBy(() -> fake.start(V2Start.of(BRAND, V2Start.Step.of(EMAIL, ADA))))
                .isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> FakeVerificationGateway.create().start(V2Start.of(BRAND, V2Start.Step.of(SMS, ADA))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(fake.activeRequestCount()).isZero();
    }

    @Test
    @DisplayName("facts §2.6 Concurrency: by default a cancel frees the to at once")
    void cancelFreesAtOnceByDefault() {
        RequestId id = started(fake.start(V2Start.of(BRAND, V2Start.Step.of(SMS, ADA))));
        assertThat(fake.cancel(id)).isInstanceOf(CancelOutcome.Cancelled.class);
        started(fake.start(V2Start.of(BRAND, V2Start.Step.of(SMS, ADA))));
    }

    @Test
    @DisplayName("facts §2.6 Concurrency: the optional hold answers 409 with the cancelled id until it has passed")
    void holdAfterCancel() {
        FakeVerificationGateway holding = FakeVerificationGateway.builder(FakeProfile.V2).clock(clock)
                .busyAfterCancel(Duration.ofSeconds(12)).build();
        RequestId id = started(holding.start(V2Start.of(BRAND, V2Start.Step.of(SMS, ADA),
                V2Start.Step.of(EMAIL, MAIL))));
        assertThat(holding.cancel(id)).isInstanceOf(CancelOutcome.Cancelled.class);

        clock.advance(Duration.ofSeconds(11));
        assertThat(holding.start(V2Start.of(BRAND, V2Start.Step.of(EMAIL, MAIL))))
                .isEqualTo(new StartOutcome.ConcurrentVerification(id));
        assertThat(holding.start(StartRequest.of(PhoneNumber.parse(ADA), BRAND, 4, Workflow.of(SMS))))
                .isEqualTo(new StartOutcome.ConcurrentVerification(id));
        assertThat(holding.activeRequestCount()).isZero();
        clock.advance(Duration.ofSeconds(1));
        started(holding.start(V2Start.of(BRAND, V2Start.Step.of(SMS, ADA))));
        assertThatThrownBy(() -> FakeVerificationGateway.builder().busyAfterCancel(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
