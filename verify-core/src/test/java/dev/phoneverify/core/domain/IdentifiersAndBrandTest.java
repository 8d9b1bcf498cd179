package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersAndBrandTest {

    @Test
    void brandAcceptsOneToEighteenCharacters() {
        assertThat(new Brand("A").value()).isEqualTo("A");
        assertThat(new Brand("x".repeat(18))).hasToString("x".repeat(18));
    }

    @Test
    void brandRefusesMoreThanEighteenCharactersSayingHowMany() {
        assertThatThrownBy(() -> new Brand("x".repeat(19)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.BRAND))
                .hasMessage("a brand has at most 18 characters, this one has 19");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void brandIsRequired(String value) {
        assertThatThrownBy(() -> new Brand(value)).hasMessage("a brand is required");
        assertThatThrownBy(() -> new Brand(null)).hasMessage("a brand is required");
    }

    @Test
    void requestIdAcceptsLettersDigitsAndDashesUpToThirtyTwo() {
        assertThat(new RequestId("abcdef0123456789ABCDEF0123456789").value()).hasSize(32);
        assertThat(new RequestId("req-1")).hasToString("req-1");
    }

    @Test
    void requestIdSaysWhatIsWrong() {
        assertRequestIdInvalid(null, "a request id is required");
        assertRequestIdInvalid("", "a request id is required");
        assertRequestIdInvalid("a".repeat(33), "a request id has at most 32 characters");
        assertRequestIdInvalid("req 1", "a request id has only letters, digits and dashes");
        assertRequestIdInvalid("req_1", "a request id has only letters, digits and dashes");
    }

    @Test
    void flowIdIsThirtyTwoLowercaseHexCharacters() {
        String value = "0123456789abcdef0123456789abcdef";

        assertThat(new FlowId(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0",
            "0123456789ABCDEF0123456789abcdef", "0123456789abcdef0123456789abcdeg"})
    void flowIdRefusesAnythingElse(String value) {
        assertThatThrownBy(() -> new FlowId(value))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.FLOW_ID))
                .hasMessage("a verification id is 32 lowercase hex characters");
    }

    @Test
    void randomFlowIdsAreValidAndDistinct() {
        Set<FlowId> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            FlowId id = FlowId.random();
            assertThat(new FlowId(id.value())).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    private static void assertRequestIdInvalid(String value, String message) {
        assertThatThrownBy(() -> new RequestId(value))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.REQUEST_ID))
                .hasMessage(message);
    }
}
