package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.WorkflowStep;
import dev.phoneverify.core.usecase.StartCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What makes two starts "the same request" for an idempotency key: everything the caller asked for (number,
 * workflow, email, client reference, custom code, locale), not who asked (the client key is an address that may
 * change between retries). Kept as a SHA-256 over the key and the request, so the store holds neither the number
 * nor a custom code in the clear.
 */
final class StartFingerprint {
    private StartFingerprint() {
    }

    static String of(StartCommand command) {
        StringBuilder canonical = new StringBuilder("start-v1");
        field(canonical, command.idempotencyKey().orElseThrow().value());
        field(canonical, command.number().e164());
        field(canonical, command.workflow().map(workflow -> {
            StringBuilder steps = new StringBuilder();
            for (WorkflowStep step : workflow.steps()) {
                steps.append(step.channel().name()).append('/')
                        .append(step.timeout().map(timeout -> Long.toString(timeout.toMillis())).orElse("-"))
                        .append(';');
            }
            return steps.toString();
        }).orElse("default"));
        field(canonical, command.email().map(email -> email.value().toLowerCase(Locale.ROOT)).orElse(""));
        field(canonical, command.clientReference().map(reference -> reference.value()).orElse(""));
        field(canonical, command.customCode().map(code -> code.value()).orElse(""));
        field(canonical, command.locale().map(Locale::toLanguageTag).orElse(""));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Length-prefixed, so no value can run into the next. */
    private static void field(StringBuilder canonical, String value) {
        canonical.append('|').append(value.length()).append(':').append(value);
    }
}
