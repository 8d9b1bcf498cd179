package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * "Send a first code to this number." Everything but the number is optional; {@link #to} and the {@code with...}
 * methods build one, in any order. A workflow with an email step needs {@link #email()}; the start refuses one
 * without it with an {@link dev.phoneverify.core.domain.InvalidInputException} naming the field.
 *
 * @param client          who asks, for the per-client send limit: typically the client's IP address
 * @param workflow        the delivery steps; empty: the service's default workflow
 * @param email           the address for an email step
 * @param clientReference the caller's reference, echoed by providers that support one
 * @param customCode      a code the caller chose, for providers that accept one
 * @param locale          the message's language, when the caller chooses it
 * @param idempotencyKey  the caller's key for this start: a retry with the same key and the same request answers
 *                        the first one's verification and sends nothing; the same key with another request is
 *                        refused ({@link Refusal.IdempotencyKeyConflict})
 */
public record StartCommand(PhoneNumber number, Optional<ClientKey> client, Optional<Workflow> workflow,
                           Optional<EmailAddress> email, Optional<ClientReference> clientReference,
                           Optional<VerificationCode> customCode, Optional<Locale> locale,
                           Optional<IdempotencyKey> idempotencyKey) {
    public StartCommand {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(clientReference, "clientReference");
        Objects.requireNonNull(customCode, "customCode");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** A start without an idempotency key, as commands were before keys existed. */
    public StartCommand(PhoneNumber number, Optional<ClientKey> client, Optional<Workflow> workflow,
                        Optional<EmailAddress> email, Optional<ClientReference> clientReference,
                        Optional<VerificationCode> customCode, Optional<Locale> locale) {
        this(number, client, workflow, email, clientReference, customCode, locale, Optional.empty());
    }

    /** A start to {@code number} with nothing else said. */
    public static StartCommand to(PhoneNumber number) {
        return new StartCommand(number, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public StartCommand withClient(ClientKey key) {
        return new StartCommand(number, Optional.of(key), workflow, email, clientReference, customCode, locale,
                idempotencyKey);
    }

    public StartCommand withWorkflow(Workflow steps) {
        return new StartCommand(number, client, Optional.of(steps), email, clientReference, customCode, locale,
                idempotencyKey);
    }

    public StartCommand withEmail(EmailAddress address) {
        return new StartCommand(number, client, workflow, Optional.of(address), clientReference, customCode, locale,
                idempotencyKey);
    }

    public StartCommand withClientReference(ClientReference reference) {
        return new StartCommand(number, client, workflow, email, Optional.of(reference), customCode, locale,
                idempotencyKey);
    }

    public StartCommand withCustomCode(VerificationCode code) {
        return new StartCommand(number, client, workflow, email, clientReference, Optional.of(code), locale,
                idempotencyKey);
    }

    public StartCommand withIdempotencyKey(IdempotencyKey key) {
        return new StartCommand(number, client, workflow, email, clientReference, customCode, locale,
                Optional.of(key));
    }

    public StartCommand withLocale(Locale language) {
        return new StartCommand(number, client, workflow, email, clientReference, customCode, Optional.of(language),
                idempotencyKey);
    }
}
