package dev.phoneverify.app.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Counts the requests being handled, so a stopping server can let them finish; once draining, a request that still
 * arrives on an open connection is answered {@code 503 /problems/shutting-down} and the connection closed. A servlet
 * filter, so every request is counted whatever its handler throws.
 */
final class InFlightRequests implements Filter {
    private static final String SHUTTING_DOWN = "{\"type\":\"/problems/shutting-down\",\"title\":\"Shutting down\","
            + "\"status\":503,\"detail\":\"this instance is stopping; send the request again, another instance or"
            + " this one once restarted will answer it\"}";

    private int inFlight;
    private boolean draining;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!enter()) {
            refuse((HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
            // Out on the wire before the request counts as finished, so a stop right after cannot cut it off.
            response.flushBuffer();
        } finally {
            leave();
        }
    }

    /** From now on, new requests are refused. */
    synchronized void startDraining() {
        draining = true;
    }

    /** Waits until no request is in flight, at most {@code grace}; true when none is left. */
    synchronized boolean awaitIdle(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized int count() {
        return inFlight;
    }

    private synchronized boolean enter() {
        if (draining) {
            return false;
        }
        inFlight++;
        return true;
    }

    private synchronized void leave() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(503);
        response.setHeader("Connection", "close");
        response.setHeader("Retry-After", "1");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.getOutputStream().write(SHUTTING_DOWN.getBytes(StandardCharsets.UTF_8));
    }
}
