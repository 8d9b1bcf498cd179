package dev.phoneverify.app.web;

import io.javalin.http.Context;

/**
 * How the web layer answers one command's result, chosen by a visitor over the result and then written: the
 * resource, a redirect, a page or a problem.
 */
@FunctionalInterface
interface Reply {
    /** Writes the answer to {@code ctx}. */
    void to(Context ctx);
}
