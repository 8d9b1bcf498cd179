package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
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
    void requestIdAcceptsLettersDigitsAndDashesUpToSixtyFour() {
        assertThat(new RequestId("abcdef0123456789ABCDEF0123456789").value()).hasSize(32);
        assertThat(new RequestId("x".repeat(64)).value()).hasSize(64);
        assertThat(new RequestId("req-1")).hasToString("req-1");
    }

    @Test
    void requestIdAcceptsAVonageV1HexIdAndAV2Uuid() {
        String v1 = "abcdef0123456789abcdef0123456789";
        String v2 = "c11236f4-00bf-4b89-84ba-88b25df97315";

        assertThat(new RequestId(v1)).hasToString(v1);
        assertThat(new RequestId(v2)).hasToString(v2);
        assertThat(new RequestId(UUID.randomUUID().toString()).value()).hasSize(36);
    }

    @Test
    void requestIdSaysWhatIsWrong() {
        assertRequestIdInvalid(null, "a request id is required");
        assertRequestIdInvalid("", "a request id is required");
        assertRequestIdInvalid("a".repeat(65), "a request id has at most 64 characters");
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

    @Test
    void clientReferenceAcceptsOneToFortyVisibleAsciiCharacters() {
        assertThat(new ClientReference("o")).hasToString("o");
        assertThat(new ClientReference("order-2031/05#42").value()).isEqualTo("order-2031/05#42");
        assertThat(new ClientReference("x".repeat(40)).value()).hasSize(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "line\nbreak", "caf\u00e9", "\u0000"})
    void clientReferenceRefusesEmptyAndNonAsciiText(String value) {
        assertClientReferenceInvalid(value);
    }

    @Test
    void clientReferenceRefusesMoreThanFortyCharactersAndNull() {
        assertClientReferenceInvalid("x".repeat(41));
        assertClientReferenceInvalid(null);
    }

    private static void assertClientReferenceInvalid(String value) {
        assertThatThrownBy(() -> new ClientReference(value))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.CLIENT_REFERENCE))
                .hasMessage("a client reference is 1 to 40 visible ASCII characters");
    }

    private static void assertRequestIdInvalid(String value, String message) {
        assertThatThrownBy(() -> new RequestId(value))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.REQUEST_ID))
                .hasMessage(message);
    }
}
