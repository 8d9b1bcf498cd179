package dev.phoneverify.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON mapper of the API, so every server writes the same bytes for the same answer and reads bodies by
 * the same rules (trailing content after the object is refused). An {@link ObjectMapper} is safe to share.
 */
public final class ApiJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ApiJson() {
    }

    /** {@code body} as JSON text. */
    public static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code body} as UTF-8 JSON bytes. */
    public static byte[] writeBytes(Object body) {
        return write(body).getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode read(byte[] body) throws IOException {
        return JSON.readTree(body);
    }
}
