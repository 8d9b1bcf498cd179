package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a gateway needs to send a first code. The use case has already checked it against the gateway's
 * capabilities.
 *
 * @param codeLength      digits in the code the provider generates: 4 to 10
 * @param email           the address for an email step; required when the workflow has one
 * @param clientReference the caller's reference, for providers that echo one
 * @param customCode      a code the caller chose, sent instead of one the provider generates
 * @param locale          the language of the message, when the caller chooses it
 */
public record StartRequest(PhoneNumber number, Brand brand, int codeLength, Workflow workflow,
                           Optional<EmailAddress> email, Optional<ClientReference> clientReference,
                           Optional<VerificationCode> customCode, Optional<Locale> locale) {
    public StartRequest {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(clientReference, "clientReference");
        Objects.requireNonNull(customCode, "customCode");
        Objects.requireNonNull(locale, "locale");
        if (codeLength < 4 || codeLength > 10) {
            throw new IllegalArgumentException("codeLength must be 4 to 10, was " + codeLength);
        }
        if (workflow.hasEmailStep() && email.isEmpty()) {
            throw new InvalidInputException(InvalidInputException.Field.EMAIL,
                    "an email address is required: the workflow sends the code by email");
        }
    }

    /** A start with only what every provider needs: no email, reference, custom code or locale. */
    public static StartRequest of(PhoneNumber number, Brand brand, int codeLength, Workflow workflow) {
        return new StartRequest(number, brand, codeLength, workflow, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
