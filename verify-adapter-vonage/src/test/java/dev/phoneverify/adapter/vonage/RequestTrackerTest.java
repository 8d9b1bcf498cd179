package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.vonage.model.V1Timings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final StepPlan workflowOne = new V1Plan(V1Timings.defaults());

    @Test
    void neverHoldsMoreThanItsCapacity() {
        RequestTracker tracker = new RequestTracker(2);

        tracker.started(new RequestId("a"), workflowOne, T0);
        tracker.started(new RequestId("b"), workflowOne, T0);
        tracker.started(new RequestId("c"), workflowOne, T0);

        assertThat(tracker.size()).isEqualTo(2);
        assertThat(tracker.positionAt(new RequestId("a"), T0)).as("the oldest goes first").isEmpty();
        assertThat(tracker.positionAt(new RequestId("c"), T0)).isPresent();
    }

    @Test
    void endedRequestsMakeRoomBeforeLiveOnesAreDropped() {
        RequestTracker tracker = new RequestTracker(2);
        tracker.started(new RequestId("old"), workflowOne, T0);
        tracker.started(new RequestId("live"), workflowOne, T0.plusSeconds(600));

        tracker.started(new RequestId("new"), workflowOne, T0.plusSeconds(700)); // "old" ended at 605 s

        assertThat(tracker.positionAt(new RequestId("live"), T0.plusSeconds(700))).isPresent();
        assertThat(tracker.positionAt(new RequestId("new"), T0.plusSeconds(700))).isPresent();
    }

    @Test
    void requestIsForgottenOnceItHasEnded() {
        RequestTracker tracker = new RequestTracker(10);
        tracker.started(new RequestId("a"), workflowOne, T0);

        assertThat(tracker.positionAt(new RequestId("a"), T0.plus(Duration.ofSeconds(604)))).isPresent();
        assertThat(tracker.positionAt(new RequestId("a"), T0.plus(Duration.ofSeconds(605)))).isEmpty();
        assertThat(tracker.size()).isZero();
    }

    @Test
    void positionFollowsTheStepsVonageTakesAsTimePasses() {
        RequestTracker tracker = new RequestTracker(10);
        tracker.started(new RequestId("a"), workflowOne, T0);

        assertThat(tracker.positionAt(new RequestId("a"), T0.plusSeconds(124)).orElseThrow().step()).isZero();
        assertThat(tracker.positionAt(new RequestId("a"), T0.plusSeconds(125)).orElseThrow().step()).isEqualTo(1);
        assertThat(tracker.positionAt(new RequestId("a"), T0.plusSeconds(305)).orElseThrow().step()).isEqualTo(2);
    }
}
