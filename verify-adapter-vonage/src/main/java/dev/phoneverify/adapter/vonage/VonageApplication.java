package dev.phoneverify.adapter.vonage;

import com.vonage.client.auth.JWTAuthMethod;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A Vonage application the v2 gateway authenticates as: its id and its RSA private key, with which the SDK signs a
 * JWT for every call (and Vonage sends status callbacks only for requests made so, facts 2.8). {@link #toString()}
 * never shows the key, and nothing in this adapter logs it.
 */
public final class VonageApplication {
    private final UUID id;
    private final byte[] privateKey;

    private VonageApplication(UUID id, byte[] privateKey) {
        this.id = id;
        this.privateKey = privateKey;
    }

    /**
     * An application with this id and this PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @throws IllegalArgumentException the key is not one the SDK can sign with; the message never quotes it
     */
    public static VonageApplication of(UUID id, byte[] privateKeyPem) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        byte[] key = privateKeyPem.clone();
        try {
            new JWTAuthMethod(id.toString(), key); // parses the key, as every call would
        } catch (RuntimeException unusable) {
            // The cause is left out on purpose: a parser's message may quote what it read.
            throw new IllegalArgumentException(
                    "privateKey is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        return new VonageApplication(id, key);
    }

    public UUID id() {
        return id;
    }

    /** A copy of the key, for the SDK. */
    byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VonageApplication that && id.equals(that.id)
                && Arrays.equals(privateKey, that.privateKey);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "VonageApplication[id=" + id + ", privateKey=(redacted)]";
    }
}
