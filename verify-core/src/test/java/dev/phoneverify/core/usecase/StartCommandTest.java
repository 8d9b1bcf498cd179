package dev.phoneverify.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The start command: only the number is required, and an email step needs an address. */
class StartCommandTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");

    @Test
    void aStartToANumberSaysNothingElse() {
        StartCommand start = StartCommand.to(NUMBER);

        assertThat(start.number()).isEqualTo(NUMBER);
        assertThat(start.client()).isEmpty();
        assertThat(start.workflow()).isEmpty();
        assertThat(start.email()).isEmpty();
        assertThat(start.clientReference()).isEmpty();
        assertThat(start.customCode()).isEmpty();
        assertThat(start.locale()).isEmpty();
    }

    @Test
    void eachWitherSetsOnePartAndKeepsTheOthers() {
        StartCommand start = StartCommand.to(NUMBER)
                .withClient(new ClientKey("203.0.113.7"))
                .withEmail(EmailAddress.parse("ada@example.com"))
                .withWorkflow(Workflow.parse("email,sms"))
                .withClientReference(new ClientReference("order-42"))
                .withCustomCode(VerificationCode.parse("4711"))
                .withLocale(Locale.UK);

        assertThat(start.client()).contains(new ClientKey("203.0.113.7"));
        assertThat(start.workflow()).contains(Workflow.parse("email,sms"));
        assertThat(start.email()).contains(EmailAddress.parse("ada@example.com"));
        assertThat(start.clientReference()).contains(new ClientReference("order-42"));
        assertThat(start.customCode()).contains(VerificationCode.parse("4711"));
        assertThat(start.locale()).contains(Locale.UK);
    }

    @Test
    void aWorkflowWithAnEmailStepNeedsAnAddress() {
        assertThatThrownBy(() -> StartCommand.to(NUMBER).withWorkflow(Workflow.parse("sms,email")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.EMAIL));
        assertThat(StartCommand.to(NUMBER).withEmail(EmailAddress.parse("ada@example.com"))
                .withWorkflow(Workflow.parse("sms,email")).workflow()).isPresent();
    }
}
