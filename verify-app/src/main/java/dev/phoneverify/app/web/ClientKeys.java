package dev.phoneverify.app.web;

import dev.phoneverify.core.domain.ClientKey;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The client key the per-client send limit counts by: the address the request came from. The direct peer, unless
 * {@code VERIFY_TRUSTED_PROXIES} names it; then the address the trusted proxies forwarded ({@link TrustedProxies}).
 * The server works it out once per request, before any handler runs.
 */
final class ClientKeys {
    private static final String ATTRIBUTE = ClientKeys.class.getName();

    private ClientKeys() {
    }

    /** Works out the request's client address through {@code proxies} and keeps it for {@link #of}. */
    static void resolve(Context ctx, TrustedProxies proxies) {
        String peer = ctx.req().getRemoteAddr();
        String client = proxies.isEmpty() ? peer
                : proxies.clientAddress(peer, headerLines(ctx, "Forwarded"), headerLines(ctx, "X-Forwarded-For"));
        ctx.attribute(ATTRIBUTE, client);
    }

    private static List<String> headerLines(Context ctx, String name) {
        Enumeration<String> lines = ctx.req().getHeaders(name);
        return lines == null ? List.of() : Collections.list(lines);
    }

    static ClientKey of(Context ctx) {
        String client = ctx.attribute(ATTRIBUTE);
        return new ClientKey(client != null ? client : ctx.req().getRemoteAddr());
    }
}
