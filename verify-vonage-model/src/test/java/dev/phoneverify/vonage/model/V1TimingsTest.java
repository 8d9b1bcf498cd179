package dev.phoneverify.vonage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The timings of facts 1.4 for workflows 1-7, at the default and at a non-default {@code pin_expiry}: when each
 * event happens and when the request ends, in seconds from the start. The fake and the adapter run this same
 * table against their own behaviour.
 */
class V1TimingsTest {

    @ParameterizedTest(name = "workflow {0}, pin_expiry {1}: events at {2}, ends at {3}")
    @CsvSource(delimiter = ';', value = {
            // workflow; pin_expiry (0 = not set); event offsets; request end
            "1; 0;   0 125 305; 605",
            "2; 0;   0 125 305; 605",
            "3; 0;   0 150;     300",
            "4; 0;   0 120;     300",
            "5; 0;   0 120;     300",
            "6; 0;   0;         300",
            "7; 0;   0;         300",
            // facts 1.6 "Expiry": the last event's wait is the table's, so pin_expiry moves only 6 and 7.
            "1; 600; 0 125 305; 605",
            "2; 600; 0 125 305; 605",
            "3; 600; 0 150;     300",
            "4; 600; 0 120;     300",
            "5; 600; 0 120;     300",
            "6; 600; 0;         600",
            "7; 600; 0;         600"})
    void eventsAndEndFollowTheFactsTable(int workflowId, int pinExpiry, String offsets, int end) {
        V1Timings timings = V1Timings.of(V1Workflow.byId(workflowId));
        if (pinExpiry > 0) {
            timings = timings.withPinExpiry(Duration.ofSeconds(pinExpiry));
        }

        assertThat(eventOffsets(timings)).isEqualTo(List.of(offsets.trim().split("\\s+")).stream()
                .map(Long::parseLong).toList());
        assertThat(timings.remainingFrom(0)).isEqualTo(Duration.ofSeconds(end));
    }

    @Test
    void nextEventWaitReplacesTheWaitsBetweenEventsButNotTheLast() {
        V1Timings timings = V1Timings.defaults().withNextEventWait(Duration.ofSeconds(60));

        assertThat(eventOffsets(timings)).containsExactly(0L, 60L, 120L);
        assertThat(timings.remainingFrom(0)).isEqualTo(Duration.ofSeconds(420));
    }

    @Test
    void pinExpiryThatIsNoMultipleOfNextEventWaitBecomesNextEventWait() {
        V1Timings timings = V1Timings.defaults().withPinExpiry(Duration.ofSeconds(250))
                .withNextEventWait(Duration.ofSeconds(120));

        assertThat(timings.effectivePinExpiry()).isEqualTo(Duration.ofSeconds(120));
        assertThat(V1Timings.defaults().withPinExpiry(Duration.ofSeconds(240))
                .withNextEventWait(Duration.ofSeconds(120)).effectivePinExpiry()).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void timingsOutsideTheDocumentedRangesAreRefused() {
        assertThatThrownBy(() -> V1Timings.defaults().withPinExpiry(Duration.ofSeconds(59)))
                .hasMessageContaining("pin_expiry");
        assertThatThrownBy(() -> V1Timings.defaults().withNextEventWait(Duration.ofSeconds(901)))
                .hasMessageContaining("next_event_wait");
        assertThatThrownBy(() -> V1Workflow.byId(8)).hasMessageContaining("1 to 7");
    }

    @Test
    void statusesAreFoundByTheirNumber() {
        assertThat(V1Status.byCode(17)).contains(V1Status.WRONG_CODE_THROTTLED);
        assertThat(V1Status.byCode(101)).contains(V1Status.SEARCH_NOT_FOUND);
        assertThat(V1Status.byCode(11)).isEmpty();
    }

    /** Seconds from the start at which each event happens. */
    static List<Long> eventOffsets(V1Timings timings) {
        long at = 0;
        List<Long> offsets = new java.util.ArrayList<>();
        for (int i = 0; i < timings.workflow().eventCount(); i++) {
            offsets.add(at);
            at += timings.waitAfter(i).getSeconds();
        }
        return offsets;
    }
}
