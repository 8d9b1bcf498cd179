package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.vonage.model.V2Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** Reads the variables only the Verify v2 gateway has; each failure names its variable and never echoes a key. */
final class V2Environment {
    private V2Environment() {
    }

    /** {@code VONAGE_APPLICATION_ID} and {@code VONAGE_PRIVATE_KEY_PATH}, both or neither. */
    static Optional<VonageApplication> application(VonageEnvironment variables) {
        Optional<String> id = variables.value(VonageEnvironment.APPLICATION_ID);
        Optional<String> keyPath = variables.value(VonageEnvironment.PRIVATE_KEY_PATH);
        if (id.isEmpty() && keyPath.isEmpty()) {
            return Optional.empty();
        }
        if (id.isEmpty() || keyPath.isEmpty()) {
            String missing = id.isEmpty() ? VonageEnvironment.APPLICATION_ID : VonageEnvironment.PRIVATE_KEY_PATH;
            throw new VonageConfigException(missing, missing + " is not set; JWT auth needs both "
                    + VonageEnvironment.APPLICATION_ID + " and " + VonageEnvironment.PRIVATE_KEY_PATH
                    + " (or neither, for Basic auth with the API key and secret)");
        }
        UUID applicationId;
        try {
            applicationId = UUID.fromString(id.get());
        } catch (IllegalArgumentException e) {
            throw new VonageConfigException(VonageEnvironment.APPLICATION_ID, VonageEnvironment.APPLICATION_ID
                    + " must be the application's id, a UUID such as aaaaaaaa-bbbb-cccc-dddd-0123456789ab, was '"
                    + VonageEnvironment.printable(id.get()) + "'");
        }
        byte[] key = read(keyPath.get());
        try {
            return Optional.of(VonageApplication.of(applicationId, key));
        } catch (IllegalArgumentException e) {
            throw new VonageConfigException(VonageEnvironment.PRIVATE_KEY_PATH, VonageEnvironment.PRIVATE_KEY_PATH
                    + " must name a PKCS#8 PEM private key file (-----BEGIN PRIVATE KEY-----); '"
                    + VonageEnvironment.printable(keyPath.get()) + "' holds none");
        }
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw new VonageConfigException(VonageEnvironment.PRIVATE_KEY_PATH, VonageEnvironment.PRIVATE_KEY_PATH
                    + " must name a readable private key file, was '" + VonageEnvironment.printable(path) + "'");
        }
    }

    /** {@code VONAGE_WHATSAPP_FROM}: E.164, a leading {@code +} allowed; the digits are kept. */
    static Optional<String> whatsappFrom(VonageEnvironment variables) {
        return variables.value(VonageEnvironment.WHATSAPP_FROM).map(text -> {
            String digits = text.startsWith("+") ? text.substring(1) : text;
            if (!V2Rules.PHONE_NUMBER.matcher(digits).matches()) {
                throw new VonageConfigException(VonageEnvironment.WHATSAPP_FROM, VonageEnvironment.WHATSAPP_FROM
                        + " must be the WhatsApp Business number in E.164 form, such as +447700900000, was '"
                        + VonageEnvironment.printable(text) + "'");
            }
            return digits;
        });
    }

    /** {@code VONAGE_EMAIL_FROM}: an email address. */
    static Optional<EmailAddress> emailFrom(VonageEnvironment variables) {
        return variables.value(VonageEnvironment.EMAIL_FROM).map(text -> {
            try {
                return EmailAddress.parse(text);
            } catch (InvalidInputException e) {
                throw new VonageConfigException(VonageEnvironment.EMAIL_FROM, VonageEnvironment.EMAIL_FROM
                        + " must be an email address such as verify@example.com, was '"
                        + VonageEnvironment.printable(text) + "'");
            }
        });
    }
}
