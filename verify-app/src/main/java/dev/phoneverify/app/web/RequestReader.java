package dev.phoneverify.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.api.BadRequestException;
import dev.phoneverify.api.JsonBodies;
import dev.phoneverify.api.Problems;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads request bodies strictly and within a size limit ({@link JsonBodies}): JSON objects for the API, URL-encoded
 * forms for the pages. Anything malformed becomes a 4xx problem here, never an exception the server does not expect.
 */
final class RequestReader {
    /** Larger than any real request of this app, small enough that nobody can make it buffer much. */
    static final int MAX_BODY_BYTES = JsonBodies.MAX_BODY_BYTES;

    private static final String FORM_ATTRIBUTE = RequestReader.class.getName() + ".form";

    /** Refuses a body declared too large before it is parsed ({@link JsonBodies#refuseDeclaredOversizedBody}). */
    static void refuseDeclaredOversizedBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            JsonBodies.refuseDeclaredOversizedBody(declared, input(ctx));
        }
    }

    /** The body as a JSON object; unknown members are ignored. */
    JsonNode jsonObject(Context ctx) {
        return JsonBodies.object(ctx.contentType(), bytes(ctx));
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

    private static byte[] bytes(Context ctx) {
        return JsonBodies.read(ctx.req().getContentLengthLong(), input(ctx));
    }

    private static InputStream input(Context ctx) {
        try {
            return ctx.req().getInputStream();
        } catch (IOException e) {
            throw new BadRequestException(Problems.invalidRequest("the body could not be read"));
        }
    }
}
