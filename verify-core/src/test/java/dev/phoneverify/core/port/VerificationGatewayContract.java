package dev.phoneverify.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VerificationGateway} must do, stated once. An adapter's test extends this class, builds its
 * gateway in {@link #createGateway()} and implements the hooks that read the code sent and move time.
 *
 * <p>The suite assumes the provider's default delivery plan: SMS first, then two voice calls, and cancel allowed
 * from 30 seconds after the start until the second step (Vonage Verify v1 workflow 1).
 */
public abstract class VerificationGatewayContract {
    private static final AtomicLong NUMBERS = new AtomicLong(1_000_000);
    protected static final Brand BRAND = new Brand("ContractCo");

    private VerificationGateway gateway;

    /** A gateway that starts from nothing; called before every test. */
    protected abstract VerificationGateway createGateway();

    /** The last code the provider delivered to {@code number}, read the way a user would read it. */
    protected abstract VerificationCode codeSentTo(PhoneNumber number);

    /** Moves the provider's clock forward. */
    protected abstract void advanceTime(Duration duration);

    @BeforeEach
    void setUpGateway() {
        gateway = createGateway();
    }

    protected VerificationGateway gateway() {
        return gateway;
    }

    /** A number no other test in this JVM uses, so tests never collide on "one request per number". */
    protected PhoneNumber freshNumber() {
        return PhoneNumber.parse("+4477" + NUMBERS.incrementAndGet());
    }

    private StartOutcome.Started startFor(PhoneNumber number) {
        StartOutcome outcome = gateway.start(new StartRequest(number, BRAND, 4));
        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        return (StartOutcome.Started) outcome;
    }

    private static VerificationCode wrongCodeFor(VerificationCode right) {
        StringBuilder wrong = new StringBuilder();
        for (char digit : right.value().toCharArray()) {
            wrong.append(digit == '9' ? '0' : (char) (digit + 1));
        }
        return VerificationCode.parse(wrong.toString());
    }

    @Test
    void startSendsACodeBySmsAndNamesTheRequest() {
        PhoneNumber number = freshNumber();

        StartOutcome.Started started = startFor(number);

        assertThat(started.requestId().value()).isNotBlank();
        assertThat(started.channel()).isEqualTo(Channel.SMS);
        assertThat(codeSentTo(number).length()).isEqualTo(4);
        assertThat(gateway.status(started.requestId())).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void startReportsWhenTheRequestEndsAfterItsLastStep() {
        PhoneNumber number = freshNumber();

        StartOutcome.Started first = startFor(number);
        StartOutcome.Started second = startFor(freshNumber());

        assertThat(first.requestEndsAt()).isNotNull();
        assertThat(Duration.between(first.requestEndsAt(), second.requestEndsAt()).abs())
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void sixDigitCodesAreSentWhenAsked() {
        PhoneNumber number = freshNumber();

        StartOutcome outcome = gateway.start(new StartRequest(number, BRAND, 6));

        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        assertThat(codeSentTo(number).length()).isEqualTo(6);
    }

    @Test
    void correctCodeCompletesTheRequest() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);

        CheckOutcome outcome = gateway.check(started.requestId(), codeSentTo(number));

        assertThat(outcome).isInstanceOf(CheckOutcome.Correct.class);
        assertThat(gateway.status(started.requestId())).isIn(RequestStatus.VERIFIED, RequestStatus.UNKNOWN);
    }

    @Test
    void checkingAgainAfterSuccessFindsNoActiveRequest() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        VerificationCode code = codeSentTo(number);
        gateway.check(started.requestId(), code);

        assertThat(gateway.check(started.requestId(), code)).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @Test
    void wrongCodeIsAnAnswerAndTheRightCodeStillWorksAfterIt() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        VerificationCode right = codeSentTo(number);

        CheckOutcome wrong = gateway.check(started.requestId(), wrongCodeFor(right));
        CheckOutcome correct = gateway.check(started.requestId(), right);

        assertThat(wrong).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(correct).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void thirdWrongCodeEndsTheRequestAndTheRightCodeNoLongerWorks() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        VerificationCode right = codeSentTo(number);
        VerificationCode wrong = wrongCodeFor(right);

        CheckOutcome first = gateway.check(started.requestId(), wrong);
        CheckOutcome second = gateway.check(started.requestId(), wrong);
        CheckOutcome third = gateway.check(started.requestId(), wrong);
        CheckOutcome afterwards = gateway.check(started.requestId(), right);

        assertThat(first).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(second).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(third).isInstanceOf(CheckOutcome.TooManyAttempts.class);
        assertThat(afterwards).isNotInstanceOf(CheckOutcome.Correct.class);
        assertThat(gateway.status(started.requestId())).isIn(RequestStatus.FAILED, RequestStatus.UNKNOWN);
    }

    @Test
    void cancelAfterThirtySecondsEndsTheRequest() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        VerificationCode right = codeSentTo(number);
        advanceTime(Duration.ofSeconds(31));

        CancelOutcome cancel = gateway.cancel(started.requestId());

        assertThat(cancel).isInstanceOf(CancelOutcome.Cancelled.class);
        assertThat(gateway.check(started.requestId(), right)).isInstanceOf(CheckOutcome.NotFound.class);
        assertThat(gateway.status(started.requestId())).isIn(RequestStatus.CANCELLED, RequestStatus.UNKNOWN);
    }

    @Test
    void cancelWithinThirtySecondsIsRefusedAndTheRequestGoesOn() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);

        CancelOutcome cancel = gateway.cancel(started.requestId());

        assertThat(cancel).isInstanceOf(CancelOutcome.NotPermitted.class);
        assertThat(((CancelOutcome.NotPermitted) cancel).reason())
                .isIn(CancelOutcome.Reason.TOO_EARLY, CancelOutcome.Reason.UNSPECIFIED);
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void cancelAfterTheSecondStepIsRefused() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        advanceTime(Duration.ofSeconds(31));
        gateway.advance(started.requestId());

        CancelOutcome cancel = gateway.cancel(started.requestId());

        assertThat(cancel).isInstanceOf(CancelOutcome.NotPermitted.class);
        assertThat(((CancelOutcome.NotPermitted) cancel).reason())
                .isIn(CancelOutcome.Reason.TOO_LATE, CancelOutcome.Reason.UNSPECIFIED);
    }

    @Test
    void advanceMovesFromSmsToAVoiceCallAndTheCodeStillWorks() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);

        AdvanceOutcome outcome = gateway.advance(started.requestId());

        assertThat(outcome).isInstanceOf(AdvanceOutcome.Advanced.class);
        assertThat(((AdvanceOutcome.Advanced) outcome).channel()).isEqualTo(Channel.VOICE);
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void advanceAtTheLastStepIsRefused() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        gateway.advance(started.requestId());
        gateway.advance(started.requestId());

        AdvanceOutcome outcome = gateway.advance(started.requestId());

        assertThat(outcome).isInstanceOf(AdvanceOutcome.NoStepsLeft.class);
        assertThat(gateway.status(started.requestId())).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void secondStartToTheSameNumberNamesTheRequestInFlight() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started first = startFor(number);

        StartOutcome second = gateway.start(new StartRequest(number, BRAND, 4));

        assertThat(second).isEqualTo(new StartOutcome.ConcurrentVerification(first.requestId()));
    }

    @Test
    void numberIsFreeAgainOnceItsRequestIsVerified() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started first = startFor(number);
        gateway.check(first.requestId(), codeSentTo(number));

        StartOutcome.Started second = startFor(number);

        assertThat(second.requestId()).isNotEqualTo(first.requestId());
    }

    @Test
    void unknownRequestIsNotFoundByEveryOperation() {
        RequestId unknown = new RequestId("0123456789abcdef0123456789abcdef");

        assertThat(gateway.check(unknown, VerificationCode.parse("1234"))).isInstanceOf(CheckOutcome.NotFound.class);
        assertThat(gateway.cancel(unknown)).isInstanceOf(CancelOutcome.NotFound.class);
        assertThat(gateway.advance(unknown)).isInstanceOf(AdvanceOutcome.NotFound.class);
        assertThat(gateway.status(unknown)).isEqualTo(RequestStatus.UNKNOWN);
    }

    @Test
    void requestExpiresWhenItsLastStepHasPassed() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        VerificationCode right = codeSentTo(number);

        advanceTime(Duration.ofMinutes(15));

        assertThat(gateway.check(started.requestId(), right)).isInstanceOf(CheckOutcome.NotFound.class);
        assertThat(gateway.status(started.requestId())).isIn(RequestStatus.EXPIRED, RequestStatus.UNKNOWN);
    }
}
