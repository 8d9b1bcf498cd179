package dev.phoneverify.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.EscalatingDelay;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link FlowStore} does with the books of a write ({@link FlowStore#insert(VerificationFlow, Bookkeeping)},
 * {@link FlowStore#update(VerificationFlow, Bookkeeping)}): a store that keeps them keeps all of them with the
 * write, and none when the write loses; a store that does not keeps none and says so. A store's test extends this
 * class, builds empty stores that share one home, and says whether its flow store keeps the books.
 */
public abstract class FlowStoreBookkeepingContract {
    private static final Instant NOW = Instant.parse("2031-05-04T10:15:30.123Z");
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900123");
    private static final CallingCode CODE = CallingCode.of(NUMBER);
    private static final Instant BUCKET = Instant.parse("2031-05-04T10:15:00Z");
    private static final Instant WINDOW_FROM = Instant.parse("2031-05-04T09:16:00Z");
    private static final EscalatingDelay DELAY =
            new EscalatingDelay(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1));

    /** The three stores, empty, sharing what a real deployment would share. */
    public record Stores(FlowStore flows, RateLimitStore limits, ConversionStatsStore conversions) {
    }

    private Stores stores;

    protected abstract Stores createStores();

    /** Whether this flow store keeps the books in the write (else it leaves all of them to the caller). */
    protected abstract boolean keepsBooks();

    @BeforeEach
    void setUpStores() {
        stores = createStores();
    }

    private static VerificationFlow pending() {
        return new VerificationFlow(FlowId.random(), NUMBER, new RequestId(FlowId.random().value()), FlowState.PENDING,
                Channel.SMS, 0, 3, NOW, NOW, NOW, NOW.plusSeconds(600), Optional.empty(), 0);
    }

    private Bookkeeping books(Optional<Bookkeeping.Tally> tally, Optional<String> release,
                              Optional<Bookkeeping.NewHold> hold) {
        return new Bookkeeping(tally, release, hold, stores.limits(), stores.conversions());
    }

    private static Optional<Bookkeeping.Tally> tally(boolean verified) {
        return Optional.of(new Bookkeeping.Tally(CODE, BUCKET, verified, WINDOW_FROM));
    }

    @Test
    void anInsertKeepsTheStartsCountAndReadsTheWindowBack() {
        stores.conversions().countStarted(CODE, WINDOW_FROM);
        stores.conversions().countVerified(CODE, BUCKET);
        stores.conversions().countStarted(CODE, WINDOW_FROM.minusSeconds(60));
        stores.conversions().setAlarmRaised(CODE, true);
        VerificationFlow flow = pending();

        Booked booked = stores.flows().insert(flow, books(tally(false), Optional.empty(), Optional.empty()));

        assertThat(stores.flows().find(flow.id())).contains(flow);
        assertThat(booked.kept()).isEqualTo(keepsBooks());
        if (keepsBooks()) {
            assertThat(booked.counts()).contains(new ConversionCounts(2, 1));
            assertThat(booked.alarmRaised()).contains(true);
            assertThat(stores.conversions().countsSince(CODE, WINDOW_FROM)).isEqualTo(new ConversionCounts(2, 1));
        } else {
            assertThat(stores.conversions().countsSince(CODE, WINDOW_FROM)).isEqualTo(new ConversionCounts(1, 1));
        }
    }

    @Test
    void anUpdateKeepsEveryBookWithIt() {
        VerificationFlow flow = pending();
        stores.flows().insert(flow);
        stores.limits().hold("resend:" + NUMBER.digits(), DELAY, NOW);
        VerificationFlow verified = flow.ended(EndReason.CODE_VERIFIED, NOW.plusSeconds(5));

        Optional<Booked> booked = stores.flows().update(verified, books(tally(true),
                Optional.of("resend:" + NUMBER.digits()),
                Optional.of(new Bookkeeping.NewHold("failed:" + NUMBER.digits(), DELAY, NOW.plusSeconds(5)))));

        assertThat(stores.flows().find(flow.id())).contains(verified);
        assertThat(booked).hasValueSatisfying(kept -> assertThat(kept.kept()).isEqualTo(keepsBooks()));
        if (keepsBooks()) {
            assertThat(booked.get().counts()).contains(new ConversionCounts(0, 1));
            assertThat(booked.get().alarmRaised()).contains(false);
            assertThat(booked.get().heldUntil()).contains(NOW.plusSeconds(65));
            assertThat(stores.limits().heldUntil("resend:" + NUMBER.digits(), NOW.plusSeconds(6))).isEmpty();
            assertThat(stores.limits().heldUntil("failed:" + NUMBER.digits(), NOW.plusSeconds(6)))
                    .contains(NOW.plusSeconds(65));
            assertThat(stores.conversions().countsSince(CODE, WINDOW_FROM)).isEqualTo(new ConversionCounts(0, 1));
        }
    }

    @Test
    void anUpdateThatLosesKeepsNoBook() {
        VerificationFlow flow = pending();
        stores.flows().insert(flow);
        VerificationFlow elsewhere = flow.ended(EndReason.CANCELLED_AT_PROVIDER, NOW.plusSeconds(1));
        stores.flows().update(elsewhere);
        stores.limits().hold("resend:" + NUMBER.digits(), DELAY, NOW);

        Optional<Booked> booked = stores.flows().update(flow.ended(EndReason.CODE_VERIFIED, NOW.plusSeconds(5)),
                books(tally(true), Optional.of("resend:" + NUMBER.digits()),
                        Optional.of(new Bookkeeping.NewHold("failed:" + NUMBER.digits(), DELAY, NOW))));

        assertThat(booked).isEmpty();
        assertThat(stores.flows().find(flow.id())).contains(elsewhere);
        assertThat(stores.limits().heldUntil("resend:" + NUMBER.digits(), NOW.plusSeconds(6))).isPresent();
        assertThat(stores.limits().heldUntil("failed:" + NUMBER.digits(), NOW.plusSeconds(6))).isEmpty();
        assertThat(stores.conversions().countsSince(CODE, WINDOW_FROM)).isEqualTo(ConversionCounts.NONE);
    }
}
