package dev.phoneverify.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VerificationGateway} promises, whatever the provider, stated once. Timings and what the
 * provider can do are read from the gateway under test ({@link VerificationGateway#capabilities()} and the
 * request ends it reports), never assumed. An adapter's test extends this class, builds its gateway in
 * {@link #createGateway()} and implements the hooks that read the code sent and move the provider's time.
 */
public abstract class VerificationGatewayContract {
    private static final AtomicLong NUMBERS = new AtomicLong(1_000_000);
    protected static final Brand BRAND = new Brand("ContractCo");
    protected static final EmailAddress EMAIL = EmailAddress.parse("contract@example.com");

    private VerificationGateway gateway;

    /** A gateway that starts from nothing; called before every test. */
    protected abstract VerificationGateway createGateway();

    /** The last code the provider delivered to {@code number}, on any channel, read the way a user would. */
    protected abstract VerificationCode codeSentTo(PhoneNumber number);

    /** Moves the provider's clock forward. */
    protected abstract void advanceTime(Duration duration);

    /** The provider's clock now. */
    protected abstract Instant now();

    /** An id in the provider's own format that names no request. */
    protected RequestId unknownRequestId() {
        return new RequestId("0123456789abcdef0123456789abcdef");
    }

    @BeforeEach
    void setUpGateway() {
        gateway = createGateway();
    }

    protected VerificationGateway gateway() {
        return gateway;
    }

    protected GatewayCapabilities capabilities() {
        return gateway.capabilities();
    }

    /** A number no other test in this JVM uses, so tests never collide on "one request per number". */
    protected PhoneNumber freshNumber() {
        return PhoneNumber.parse("+4477" + NUMBERS.incrementAndGet());
    }

    /** A start of the gateway's default workflow with its shortest code. */
    protected StartRequest requestFor(PhoneNumber number, int codeLength) {
        Workflow workflow = capabilities().defaultWorkflow();
        return new StartRequest(number, BRAND, codeLength, workflow,
                workflow.hasEmailStep() ? Optional.of(EMAIL) : Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    protected StartOutcome.Started startFor(PhoneNumber number) {
        StartOutcome outcome = gateway.start(requestFor(number, shortestCode()));
        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        return (StartOutcome.Started) outcome;
    }

    protected int shortestCode() {
        return capabilities().codeLengths().stream().min(Integer::compare).orElseThrow();
    }

    protected static VerificationCode wrongCodeFor(VerificationCode right) {
        StringBuilder wrong = new StringBuilder();
        for (char digit : right.value().toCharArray()) {
            wrong.append(digit == '9' ? '0' : (char) (digit + 1));
        }
        return VerificationCode.parse(wrong.toString());
    }

    private void assertStatusIn(RequestId id, RequestStatus... expected) {
        if (capabilities().statusLookup()) {
            assertThat(gateway.status(id)).isIn((Object[]) expected);
        }
    }

    @Test
    void capabilitiesDescribeAUsableProvider() {
        GatewayCapabilities capabilities = capabilities();

        assertThat(capabilities.channels()).containsAll(capabilities.defaultWorkflow().channels());
        assertThat(capabilities.codeLengths()).allMatch(length -> length >= 4 && length <= 10);
        assertThat(capabilities()).isEqualTo(gateway.capabilities());
    }

    @Test
    void startSendsACodeOnTheWorkflowsFirstChannelAndNamesTheRequest() {
        PhoneNumber number = freshNumber();

        StartOutcome.Started started = startFor(number);

        assertThat(started.requestId().value()).isNotBlank();
        assertThat(started.channel()).isEqualTo(capabilities().defaultWorkflow().firstChannel());
        assertThat(codeSentTo(number).length()).isEqualTo(shortestCode());
        assertStatusIn(started.requestId(), RequestStatus.IN_PROGRESS);
    }

    @Test
    void startReportsARequestEndInTheFuture() {
        Instant before = now();

        StartOutcome.Started started = startFor(freshNumber());

        assertThat(started.requestEndsAt()).isAfter(before);
    }

    @Test
    void everyCodeLengthOnOfferIsSent() {
        for (int length : capabilities().codeLengths()) {
            PhoneNumber number = freshNumber();

            StartOutcome outcome = gateway.start(requestFor(number, length));

            assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
            assertThat(codeSentTo(number).length()).isEqualTo(length);
        }
    }

    @Test
    void correctCodeCompletesTheRequest() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);

        CheckOutcome outcome = gateway.check(started.requestId(), codeSentTo(number));

        assertThat(outcome).isInstanceOf(CheckOutcome.Correct.class);
        assertStatusIn(started.requestId(), RequestStatus.VERIFIED, RequestStatus.UNKNOWN);
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
    void enoughWrongCodesEndTheRequestAndTheRightCodeNoLongerWorks() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        VerificationCode right = codeSentTo(number);
        VerificationCode wrong = wrongCodeFor(right);

        CheckOutcome last = gateway.check(started.requestId(), wrong);
        for (int tries = 1; tries < 10 && last instanceof CheckOutcome.WrongCode; tries++) {
            last = gateway.check(started.requestId(), wrong);
        }

        assertThat(last).isInstanceOf(CheckOutcome.TooManyAttempts.class);
        assertThat(gateway.check(started.requestId(), right)).isNotInstanceOf(CheckOutcome.Correct.class);
        assertStatusIn(started.requestId(), RequestStatus.FAILED, RequestStatus.UNKNOWN);
    }

    @Test
    void cancelFollowsTheGatewaysConstraintsAndThenEndsTheRequest() {
        CancelConstraints constraints = capabilities().cancel();
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        VerificationCode right = codeSentTo(number);
        if (!constraints.supported()) {
            assertThat(gateway.cancel(started.requestId())).isInstanceOf(CancelOutcome.NotPermitted.class);
            return;
        }
        if (!constraints.notBeforeAge().isZero()) {
            CancelOutcome early = gateway.cancel(started.requestId());
            assertThat(early).isInstanceOf(CancelOutcome.NotPermitted.class);
            assertThat(((CancelOutcome.NotPermitted) early).reason())
                    .isIn(CancelOutcome.Reason.TOO_EARLY, CancelOutcome.Reason.UNSPECIFIED);
            advanceTime(constraints.notBeforeAge().plusSeconds(1));
        }

        CancelOutcome cancel = gateway.cancel(started.requestId());

        assertThat(cancel).isInstanceOf(CancelOutcome.Cancelled.class);
        assertThat(gateway.check(started.requestId(), right)).isInstanceOf(CheckOutcome.NotFound.class);
        assertStatusIn(started.requestId(), RequestStatus.CANCELLED, RequestStatus.UNKNOWN);
    }

    @Test
    void aRefusedCancelLeavesTheRequestGoingOn() {
        CancelConstraints constraints = capabilities().cancel();
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        if (constraints.onlyBeforeSecondStep() && capabilities().nextStep() && stepsOfDefaultWorkflow() > 1) {
            advanceTime(constraints.notBeforeAge().plusSeconds(1));
            gateway.advance(started.requestId());
            CancelOutcome late = gateway.cancel(started.requestId());
            assertThat(late).isInstanceOf(CancelOutcome.NotPermitted.class);
            assertThat(((CancelOutcome.NotPermitted) late).reason())
                    .isIn(CancelOutcome.Reason.TOO_LATE, CancelOutcome.Reason.UNSPECIFIED);
        } else if (!constraints.notBeforeAge().isZero() || !constraints.supported()) {
            assertThat(gateway.cancel(started.requestId())).isInstanceOf(CancelOutcome.NotPermitted.class);
        }

        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void nextStepMovesToTheWorkflowsNextChannelAndTheLatestCodeWorks() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        List<Channel> channels = capabilities().defaultWorkflow().channels();

        AdvanceOutcome outcome = gateway.advance(started.requestId());

        if (!capabilities().nextStep() || channels.size() == 1) {
            assertThat(outcome).isInstanceOf(AdvanceOutcome.NoStepsLeft.class);
        } else {
            assertThat(outcome).isInstanceOf(AdvanceOutcome.Advanced.class);
            assertThat(((AdvanceOutcome.Advanced) outcome).channel()).isEqualTo(channels.get(1));
        }
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void nextStepAtTheLastStepIsRefusedAndTheRequestGoesOn() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        for (int step = 1; step < stepsOfDefaultWorkflow(); step++) {
            gateway.advance(started.requestId());
        }

        AdvanceOutcome outcome = gateway.advance(started.requestId());

        assertThat(outcome).isInstanceOf(AdvanceOutcome.NoStepsLeft.class);
        assertStatusIn(started.requestId(), RequestStatus.IN_PROGRESS);
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void secondStartToTheSameNumberNamesTheRequestInFlight() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started first = startFor(number);

        StartOutcome second = gateway.start(requestFor(number, shortestCode()));

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
        RequestId unknown = unknownRequestId();

        assertThat(gateway.check(unknown, VerificationCode.parse("1234"))).isInstanceOf(CheckOutcome.NotFound.class);
        assertThat(gateway.cancel(unknown)).isInstanceOf(CancelOutcome.NotFound.class);
        assertThat(gateway.advance(unknown)).isInstanceOf(AdvanceOutcome.NotFound.class);
        assertThat(gateway.status(unknown)).isEqualTo(RequestStatus.UNKNOWN);
    }

    @Test
    void requestEndsWhenTheEndItReportedHasPassed() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = startFor(number);
        VerificationCode right = codeSentTo(number);

        advanceTime(Duration.between(now(), started.requestEndsAt()).plusSeconds(1));

        assertThat(gateway.check(started.requestId(), right)).isInstanceOf(CheckOutcome.NotFound.class);
        assertStatusIn(started.requestId(), RequestStatus.EXPIRED, RequestStatus.UNKNOWN);
    }

    private int stepsOfDefaultWorkflow() {
        return capabilities().defaultWorkflow().steps().size();
    }
}
