package dev.phoneverify.app.web;

import dev.phoneverify.core.domain.ClientKey;
import io.javalin.http.Context;

/**
 * The client key the per-client send limit counts by: the address the request came from. Forwarding headers are
 * ignored on purpose, since any client can write them; behind a proxy, configure the proxy to limit instead.
 */
final class ClientKeys {
    private ClientKeys() {
    }

    static ClientKey of(Context ctx) {
        return new ClientKey(ctx.req().getRemoteAddr());
    }
}
