package dev.phoneverify.adapter.vonage.webhook;

/**
 * Why a callback was refused as not genuine. Each is answered 401 with its own problem type, changes nothing, and
 * is logged on one line without the token or the secret.
 */
public enum Forgery {
    /** No {@code Authorization: Bearer} header, or an empty token. */
    NO_SIGNATURE("webhook-unsigned", "the callback carries no Authorization: Bearer token"),
    /** Not a JWT, not HS256, or not signed with any of the signature secrets. */
    BAD_SIGNATURE("webhook-bad-signature", "the callback's token is not signed with this account's signature secret"),
    /** Signed, but for another account's {@code api_key}. */
    OTHER_ACCOUNT("webhook-other-account", "the callback's token is for another Vonage account"),
    /** The {@code iss} claim is not {@code Vonage}. */
    NOT_FROM_VONAGE("webhook-wrong-issuer", "the callback's token was not issued by Vonage"),
    /** The body's SHA-256 is not the token's {@code payload_hash}. */
    BODY_CHANGED("webhook-body-changed", "the callback's body is not the one its token was signed for"),
    /** No {@code iat}, or one older than the allowed age. */
    TOO_OLD("webhook-token-too-old", "the callback's token is older than the allowed age"),
    /** An {@code iat} further ahead than the allowed clock skew. */
    ISSUED_IN_THE_FUTURE("webhook-token-from-the-future",
            "the callback's token is issued further in the future than the allowed clock skew"),
    /** No {@code jti}, or one already accepted. */
    REPLAYED("webhook-token-replayed", "the callback's token has been used before");

    private final String slug;
    private final String detail;

    Forgery(String slug, String detail) {
        this.slug = slug;
        this.detail = detail;
    }

    /** The last segment of the problem type, such as {@code webhook-bad-signature}. */
    public String slug() {
        return slug;
    }

    /** What the problem's {@code detail} says. */
    public String detail() {
        return detail;
    }
}
