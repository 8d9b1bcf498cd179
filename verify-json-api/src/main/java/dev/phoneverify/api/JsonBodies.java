package dev.phoneverify.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads request bodies strictly and within a size limit, from any server's input stream: anything malformed
 * becomes a {@link BadRequestException} carrying its 4xx problem, never an exception a server does not expect.
 */
public final class JsonBodies {
    /** Larger than any real request of the API, small enough that nobody can make a server buffer much. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** How much of an oversized body is read and dropped before the 413 is answered; a larger one is cut off. */
    public static final int MAX_DRAINED_BYTES = 1024 * 1024;

    private JsonBodies() {
    }

    /**
     * Refuses a body declared too large ({@code declaredLength}, -1 when unknown) before it is read. A body the
     * client is still sending is read and dropped first (up to {@link #MAX_DRAINED_BYTES}): closing a connection
     * with unread input makes TCP reset it, and the client would see a broken connection instead of the 413.
     */
    public static void refuseDeclaredOversizedBody(long declaredLength, InputStream body) {
        if (declaredLength > MAX_BODY_BYTES) {
            if (declaredLength <= MAX_DRAINED_BYTES) {
                try {
                    drain(body);
                } catch (IOException e) {
                    // The client went away; there is no one left to answer.
                }
            }
            throw new BadRequestException(Problems.payloadTooLarge());
        }
    }

    /** Reads at most {@link #MAX_BODY_BYTES}, whatever the declared length says (chunked bodies declare none). */
    public static byte[] read(long declaredLength, InputStream body) {
        refuseDeclaredOversizedBody(declaredLength, body);
        try (InputStream in = body) {
            byte[] read = in.readNBytes(MAX_BODY_BYTES + 1);
            if (read.length > MAX_BODY_BYTES) {
                drain(in);
                throw new BadRequestException(Problems.payloadTooLarge());
            }
            return read;
        } catch (IOException e) {
            throw new BadRequestException(Problems.invalidRequest("the body could not be read"));
        }
    }

    /**
     * The body as a JSON object; unknown members are ignored.
     *
     * @param contentType the request's {@code Content-Type}, null when it sent none
     */
    public static JsonNode object(String contentType, byte[] body) {
        if (contentType != null && !isJson(contentType)) {
            throw new BadRequestException(Problems.unsupportedMediaType());
        }
        if (body.length == 0) {
            throw new BadRequestException(Problems.invalidRequest("a JSON object is required as the body"));
        }
        JsonNode node;
        try {
            node = ApiJson.read(body);
        } catch (JacksonException e) {
            throw new BadRequestException(Problems.invalidRequest("the body is not valid JSON"));
        } catch (IOException e) {
            throw new BadRequestException(Problems.invalidRequest("the body could not be read"));
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException(Problems.invalidRequest("the body must be a JSON object"));
        }
        return node;
    }

    /** A required string member of a JSON object. */
    public static String requiredText(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            throw new BadRequestException(Problems.invalidRequest("'" + member + "' is required"));
        }
        if (!value.isTextual()) {
            throw new BadRequestException(Problems.invalidRequest("'" + member + "' must be a string"));
        }
        return value.textValue();
    }

    /** A required whole-number member of a JSON object, within bounds. */
    public static long requiredWholeNumber(JsonNode object, String member, long min, long max) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            throw new BadRequestException(Problems.invalidRequest("'" + member + "' is required"));
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            throw new BadRequestException(Problems.invalidRequest(
                    "'" + member + "' must be a whole number from " + min + " to " + max));
        }
        return value.longValue();
    }

    /** Reads and drops what is left of an oversized body, at most {@link #MAX_DRAINED_BYTES}. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = MAX_DRAINED_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
