package dev.phoneverify.adapter.vonage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.UUID;

/** A Vonage application made up for tests: a fresh RSA key pair, its private key as PKCS#8 PEM. */
final class TestApplication {
    static final UUID ID = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-0123456789ab");

    private static final KeyPair KEYS = generate();

    private TestApplication() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base64 body of the PEM: what must never show up in a log. */
    static String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded());
    }

    static byte[] privateKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(KEYS.getPrivate().getEncoded());
        return ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The public half, for a server that checks our tokens. */
    static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    static VonageApplication application() {
        return VonageApplication.of(ID, privateKeyPem());
    }

    /** True when {@code jwt} is signed RS256 by this application's key. */
    static boolean signedByUs(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify((RSAPublicKey) KEYS.getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded JSON of a JWT's header (0) or payload (1). */
    static String jwtPart(String jwt, int part) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]), StandardCharsets.UTF_8);
    }
}
