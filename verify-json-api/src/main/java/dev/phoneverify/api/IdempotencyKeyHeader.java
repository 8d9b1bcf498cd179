package dev.phoneverify.api;

import dev.phoneverify.core.domain.IdempotencyKey;
import java.util.List;
import java.util.Optional;

/**
 * Reads a start's {@code Idempotency-Key} header (IETF draft-ietf-httpapi-idempotency-key-header). The draft makes
 * it a structured-field string, {@code "..."}; a bare value, as many clients send, is taken as it is. A header that
 * is empty, longer than {@value IdempotencyKey#MAX_LENGTH} characters, not visible ASCII, or sent twice is a 400.
 * Both web layers hand it the header's values as their server read them.
 */
public final class IdempotencyKeyHeader {
    /** The header's name. */
    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKeyHeader() {
    }

    /**
     * The key a start carries, if any.
     *
     * @param values every value of the header in the request, in order (empty when it is absent)
     * @throws BadRequestException the {@code invalid-idempotency-key} problem, for a value that is not a key
     */
    public static Optional<IdempotencyKey> parse(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw invalid("send one Idempotency-Key header, not " + values.size());
        }
        String value = values.get(0).strip();
        Optional<String> unquoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? unquote(value.substring(1, value.length() - 1)) : Optional.of(value);
        if (unquoted.isEmpty()) {
            throw invalid("the Idempotency-Key is a string: a backslash escapes only a quote or a backslash");
        }
        String key = unquoted.get();
        if (key.isBlank() || key.length() > IdempotencyKey.MAX_LENGTH
                || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw invalid("the Idempotency-Key has 1 to " + IdempotencyKey.MAX_LENGTH
                    + " visible ASCII characters, such as a UUID");
        }
        return Optional.of(new IdempotencyKey(key));
    }

    /** The content of an RFC 8941 string, or empty when an escape is not one it allows. */
    private static Optional<String> unquote(String quoted) {
        StringBuilder key = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                if (i + 1 == quoted.length() || (quoted.charAt(i + 1) != '"' && quoted.charAt(i + 1) != '\\')) {
                    return Optional.empty();
                }
                c = quoted.charAt(++i);
            } else if (c == '"') {
                return Optional.empty();
            }
            key.append(c);
        }
        return Optional.of(key.toString());
    }

    private static BadRequestException invalid(String detail) {
        return new BadRequestException(new Problem(400, "invalid-idempotency-key", "Invalid Idempotency-Key", detail));
    }
}
