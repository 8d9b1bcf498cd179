package dev.phoneverify.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on loopback that records every POST and answers the statuses it is told to, then 200. */
final class CallbackReceiver implements AutoCloseable {
    /** One POST as it arrived: the raw body bytes, for hashing before parsing. */
    record Received(String authorization, byte[] body, Instant at) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final Queue<String> everyAuthorization = new ConcurrentLinkedQueue<>();

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/callbacks", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                everyAuthorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                Integer status = statuses.poll();
                int answer = status == null ? 200 : status;
                if (answer == 200) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body,
                            Instant.now()));
                }
                exchange.sendResponseHeaders(answer, -1);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks");
    }

    /** The next answers, in order; later POSTs get 200. */
    void answerNext(int... codes) {
        for (int code : codes) {
            statuses.add(code);
        }
    }

    /** The next callback accepted with a 200, waiting at most {@code seconds}. */
    Received next(double seconds) throws InterruptedException {
        Received next = received.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no callback within " + seconds + " s");
        }
        return next;
    }

    /** The Authorization header of every POST so far, whatever it was answered. */
    java.util.List<String> everyAuthorization() {
        return java.util.List.copyOf(everyAuthorization);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
