package dev.phoneverify.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads an application's RSA public key, PEM {@code -----BEGIN PUBLIC KEY-----} (what {@code openssl rsa -pubout} writes). */
public final class ApplicationKeys {
    private ApplicationKeys() {
    }

    /** The key in {@code pem}; {@link IllegalArgumentException} when it is not an RSA public key. */
    public static RSAPublicKey parse(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM RSA public key (-----BEGIN PUBLIC KEY-----)", e);
        }
    }

    /** The key in the file at {@code path}. */
    public static RSAPublicKey read(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.US_ASCII));
    }

    /** {@code key} as PEM, for tests and tools that hand a key file to the emulator. */
    public static String pem(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
