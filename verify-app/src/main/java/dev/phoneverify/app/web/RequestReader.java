package dev.phoneverify.app.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads request bodies strictly and within a size limit: JSON objects for the API, URL-encoded forms for the pages.
 * Anything malformed becomes a 4xx problem here, never an exception the server does not expect.
 */
final class RequestReader {
    /** Larger than any real request of this app, small enough that nobody can make it buffer much. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** How much of an oversized body is read and dropped before the 413 is answered; a larger one is cut off. */
    static final int MAX_DRAINED_BYTES = 1024 * 1024;

    private static final String FORM_ATTRIBUTE = RequestReader.class.getName() + ".form";

    private final ObjectMapper json;

    RequestReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Refuses a body declared too large before it is parsed. A body the client is still sending is read and
     * dropped first (up to {@link #MAX_DRAINED_BYTES}): closing a connection with unread input makes TCP reset it,
     * and the client would see a broken connection instead of the 413.
     */
    static void refuseDeclaredOversizedBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            if (declared <= MAX_DRAINED_BYTES) {
                try {
                    drain(ctx.req().getInputStream());
                } catch (IOException e) {
                    // The client went away; there is no one left to answer.
                }
            }
            throw tooLarge();
        }
    }

    /** The body as a JSON object; unknown members are ignored. */
    JsonNode jsonObject(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && !isJson(contentType)) {
            throw new BadRequestException(new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json"));
        }
        byte[] body = bytes(ctx);
        if (body.length == 0) {
            throw new BadRequestException(Problems.invalidRequest("a JSON object is required as the body"));
        }
        JsonNode node;
        try {
            node = json.readTree(body);
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
    static String requiredText(JsonNode object, String member) {
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
    static long requiredWholeNumber(JsonNode object, String member, long min, long max) {
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

    /** The fields of a URL-encoded form, read once per request; for a repeated field the last value wins. */
    Map<String, String> form(Context ctx) {
        Map<String, String> cached = ctx.attribute(FORM_ATTRIBUTE);
        if (cached == null) {
            cached = parseForm(ctx);
            ctx.attribute(FORM_ATTRIBUTE, cached);
        }
        return cached;
    }

    private static Map<String, String> parseForm(Context ctx) {
        String body = new String(bytes(ctx), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        try {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Problems.invalidRequest("the form data is malformed"));
        }
        return fields;
    }

    /** Reads at most {@link #MAX_BODY_BYTES}, whatever Content-Length claims (chunked bodies declare none). */
    private static byte[] bytes(Context ctx) {
        refuseDeclaredOversizedBody(ctx);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] read = in.readNBytes(MAX_BODY_BYTES + 1);
            if (read.length > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return read;
        } catch (IOException e) {
            throw new BadRequestException(Problems.invalidRequest("the body could not be read"));
        }
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

    private static BadRequestException tooLarge() {
        return new BadRequestException(new Problem(413, "payload-too-large", "Payload too large",
                "a request body has at most " + MAX_BODY_BYTES + " bytes"));
    }
}
