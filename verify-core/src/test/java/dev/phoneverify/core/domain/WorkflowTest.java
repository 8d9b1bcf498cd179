package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Workflows, their steps and the channels they name. */
class WorkflowTest {

    @Test
    void parsesACommaListOfChannelsInOrder() {
        Workflow workflow = Workflow.parse("sms,voice");

        assertThat(workflow.channels()).containsExactly(Channel.SMS, Channel.VOICE);
        assertThat(workflow.firstChannel()).isEqualTo(Channel.SMS);
        assertThat(workflow.steps()).allSatisfy(step -> assertThat(step.timeout()).isEmpty());
        assertThat(workflow).isEqualTo(Workflow.of(Channel.SMS, Channel.VOICE)).hasToString("sms,voice");
    }

    @Test
    void channelNamesAreReadInAnyCaseAroundSpaces() {
        assertThat(Workflow.parse(" WhatsApp , SMS ,voice").channels())
                .containsExactly(Channel.WHATSAPP, Channel.SMS, Channel.VOICE);
    }

    @Test
    void everyChannelHasALowerCaseWireNameThatParsesBack() {
        for (Channel channel : Channel.values()) {
            assertThat(Channel.parse(channel.wireName())).isEqualTo(channel);
            assertThat(channel.wireName()).isLowerCase();
        }
        assertThat(Channel.values()).contains(Channel.WHATSAPP, Channel.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ","})
    void aWorkflowWithoutStepsIsRefused(String input) {
        assertThatThrownBy(() -> Workflow.parse(input))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.WORKFLOW));
    }

    @Test
    void zeroStepsAreRefusedHoweverTheWorkflowIsMade() {
        assertThatThrownBy(() -> new Workflow(List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("a workflow has 1 to 3 steps, this one has 0");
        assertThatThrownBy(() -> Workflow.of()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void fourStepsAreRefused() {
        assertThatThrownBy(() -> Workflow.parse("sms,voice,whatsapp,email"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.WORKFLOW))
                .hasMessage("a workflow has 1 to 3 steps, this one has 4");
        assertThat(Workflow.parse("whatsapp,sms,voice").steps()).hasSize(Workflow.MAX_STEPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sms,pigeon", "fax", "sms,,voice"})
    void anUnknownChannelIsRefusedNamingIt(String input) {
        assertThatThrownBy(() -> Workflow.parse(input))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.WORKFLOW))
                .hasMessageStartingWith("a channel is one of sms, voice, whatsapp or email, not '");
        assertThatThrownBy(() -> Channel.parse("pigeon")).hasMessageContaining("'pigeon'");
        assertThatThrownBy(() -> Channel.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aStepTimeoutAppliesToEveryStepAndMustBeMoreThanZero() {
        Workflow timed = Workflow.parse("sms,voice").withStepTimeout(Duration.ofSeconds(90));

        assertThat(timed.steps()).extracting(WorkflowStep::timeout)
                .containsOnly(Optional.of(Duration.ofSeconds(90)));
        assertThat(timed.hasStepTimeouts()).isTrue();
        assertThat(Workflow.parse("sms,voice").hasStepTimeouts()).isFalse();
        assertThatThrownBy(() -> WorkflowStep.on(Channel.SMS).lasting(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessage("a step timeout is more than zero");
        assertThatThrownBy(() -> WorkflowStep.on(Channel.SMS).lasting(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aWorkflowKnowsWhetherItSendsByEmail() {
        assertThat(Workflow.parse("email,sms").hasEmailStep()).isTrue();
        assertThat(Workflow.parse("sms,voice").hasEmailStep()).isFalse();
    }

    @Test
    void aWorkflowCannotBeChangedThroughTheListItWasMadeFrom() {
        List<WorkflowStep> steps = new ArrayList<>(List.of(WorkflowStep.on(Channel.SMS)));
        Workflow workflow = new Workflow(steps);

        steps.add(WorkflowStep.on(Channel.VOICE));

        assertThat(workflow.channels()).containsExactly(Channel.SMS);
        assertThatThrownBy(() -> workflow.steps().add(WorkflowStep.on(Channel.VOICE)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
