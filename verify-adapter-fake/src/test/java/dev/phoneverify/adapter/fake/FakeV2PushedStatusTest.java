package dev.phoneverify.adapter.fake;

import static dev.phoneverify.adapter.fake.WhatTheUserSees.lastCode;
import static dev.phoneverify.adapter.fake.WhatTheUserSees.wrongFor;
import static dev.phoneverify.core.domain.Channel.SMS;
import static dev.phoneverify.core.domain.Channel.VOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.usecase.ProviderUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The status a v2 fake pushes, as Vonage's callbacks carry it (facts §2.7-2.8): an update per step outcome and one
 * when the request ends, handed to the sink after the call that caused them, when the clock advances.
 */
class FakeV2PushedStatusTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final Instant T0 = FakeClock.DEFAULT_START;

    private final FakeClock clock = new FakeClock();
    private final FakeVerificationGateway fake = FakeVerificationGateway.v2(clock);
    private final List<ProviderUpdate> pushed = new ArrayList<>();

    {
        fake.pushStatusTo(pushed::add);
    }

    private StartOutcome.Started start() {
        return (StartOutcome.Started) fake.start(StartRequest.of(NUMBER, new Brand("Acme"), 4, Workflow.of(SMS, VOICE)));
    }

    /** "sms started at 0", "request expired at 360": what each update says, in seconds from the start. */
    private static List<String> described(List<ProviderUpdate> updates) {
        return updates.stream().map(update -> update.accept(new ProviderUpdate.Visitor<String>() {
            @Override
            public String step(ProviderUpdate.StepUpdate step) {
                return step.channel().wireName() + " " + lower(step.status()) + " at " + secondsOf(step.at());
            }

            @Override
            public String ended(ProviderUpdate.RequestEnded ended) {
                return "request " + lower(ended.status()) + " at " + secondsOf(ended.at());
            }
        })).toList();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static long secondsOf(Instant at) {
        return Duration.between(T0, at).toSeconds();
    }

    @Test
    @DisplayName("facts §2.6 and §2.8: each step starts and expires in turn, then the request ends expired")
    void stepsStartAndExpireThenTheRequestExpires() {
        StartOutcome.Started started = start();

        clock.advance(Duration.ofSeconds(360));

        assertThat(described(pushed)).containsExactly("sms started at 0", "sms expired at 180",
                "voice started at 180", "voice expired at 360", "request expired at 360");
        assertThat(pushed).allSatisfy(update -> assertThat(update.requestId()).isEqualTo(started.requestId()));
    }

    @Test
    @DisplayName("facts §2.8: the right code completes its step and the request")
    void rightCodeCompletesTheStepAndTheRequest() {
        StartOutcome.Started started = start();
        clock.advance(Duration.ofSeconds(10));

        fake.check(started.requestId(), lastCode(fake, NUMBER));
        clock.advance(Duration.ofSeconds(1));

        assertThat(described(pushed)).containsExactly("sms started at 0", "sms completed at 10",
                "request completed at 10");
    }

    @Test
    @DisplayName("facts §2.6-2.7: a third wrong code ends the request failed; a cancel ends it cancelled")
    void failedAndCancelledRequestsEndSo() {
        StartOutcome.Started failed = start();
        VerificationCode wrong = wrongFor(lastCode(fake, NUMBER));
        for (int i = 0; i < 3; i++) {
            fake.check(failed.requestId(), wrong);
        }
        StartOutcome.Started cancelled = start();
        fake.cancel(cancelled.requestId());

        fake.deliverStatusUpdates();

        assertThat(described(fake.statusUpdatesFor(failed.requestId())))
                .containsExactly("sms started at 0", "request failed at 0");
        assertThat(described(fake.statusUpdatesFor(cancelled.requestId())))
                .containsExactly("sms started at 0", "request cancelled at 0");
        assertThat(pushed).isEqualTo(fake.statusUpdates());
    }

    @Test
    @DisplayName("facts §2.6 next_workflow: the step the user asks for is pushed as started")
    void nextStepIsPushedAsStarted() {
        StartOutcome.Started started = start();
        clock.advance(Duration.ofSeconds(5));

        fake.advance(started.requestId());
        clock.advance(Duration.ofSeconds(1));

        assertThat(described(pushed)).containsExactly("sms started at 0", "voice started at 5");
    }

    @Test
    @DisplayName("updates are handed on after the call that caused them, never inside it")
    void updatesAreNotHandedOnInsideAPortCall() {
        start();

        List<ProviderUpdate> duringTheCall = List.copyOf(pushed);
        fake.deliverStatusUpdates();

        assertThat(duringTheCall).isEmpty();
        assertThat(described(pushed)).containsExactly("sms started at 0");
    }

    @Test
    @DisplayName("an answer lost after the request completed still reaches the sink as the request's end")
    void aLostAnswerStillEndsTheRequestThroughThePush() {
        StartOutcome.Started started = start();
        fake.loseNextAnswer(Operation.CHECK);

        assertThatThrownBy(() -> fake.check(started.requestId(), lastCode(fake, NUMBER))).isInstanceOf(GatewayException.class);
        fake.deliverStatusUpdates();

        assertThat(described(pushed)).endsWith("request completed at 0");
    }

    @Test
    @DisplayName("a sink that fails keeps the rest of the updates for the next delivery")
    void aFailingSinkLosesNothing() {
        List<ProviderUpdate> received = new ArrayList<>();
        fake.pushStatusTo(update -> {
            if (received.isEmpty() && pushed.isEmpty()) {
                pushed.add(update);
                throw new IllegalStateException("webhook intake down");
            }
            received.add(update);
        });
        start();

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(180))).hasMessageContaining("intake down");
        fake.deliverStatusUpdates();

        assertThat(described(pushed)).containsExactly("sms started at 0");
        assertThat(described(received)).containsExactly("sms expired at 180", "voice started at 180");
    }

    @Test
    @DisplayName("a v1 fake pushes nothing: it has a status lookup instead")
    void aV1FakePushesNothing() {
        FakeVerificationGateway v1 = FakeVerificationGateway.builder().clock(clock).build();
        v1.start(StartRequest.of(NUMBER, new Brand("Acme"), 4, v1.capabilities().defaultWorkflow()));

        clock.advance(Duration.ofSeconds(700));

        assertThat(v1.statusUpdates()).isEmpty();
        assertThat(v1.capabilities().pushesStatus()).isFalse();
    }

    @Test
    @DisplayName("reset forgets the updates, the queued ones included")
    void resetForgetsUpdates() {
        start();

        fake.reset();
        fake.deliverStatusUpdates();

        assertThat(pushed).isEmpty();
        assertThat(fake.statusUpdates()).isEmpty();
    }
}
