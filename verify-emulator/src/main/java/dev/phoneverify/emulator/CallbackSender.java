package dev.phoneverify.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers v2 callbacks from a scheduled executor, never on a request thread: each body is signed afresh on every
 * attempt (new {@code jti} and {@code iat}, the same body and callback id), only a 2xx counts as delivered,
 * redirects are not followed, a 410 stops delivery, and anything else is retried per {@link CallbackRetry}
 * (honouring {@code Retry-After}). One request's callbacks go out in order (its summary after its events); different
 * requests' callbacks do not wait for each other. {@link #reset()} drops whatever is still pending.
 */
final class CallbackSender implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CallbackSender.class.getName());
    private static final int KEPT_ATTEMPTS = 1000;

    private record Pending(String callbackId, String type, String requestId, Optional<String> applicationId,
                           byte[] body, long generation) {
    }

    private final URI target;
    private final CallbackSignature signature;
    private final CallbackRetry retry;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final AtomicLong generation = new AtomicLong();
    private final Deque<CallbackAttempt> attempts = new ArrayDeque<>();
    /** Per request, the callbacks waiting behind the one being delivered; a key is present while one is. */
    private final Map<String, Deque<Pending>> queued = new HashMap<>();

    CallbackSender(URI target, CallbackSignature signature, CallbackRetry retry) {
        this.target = target;
        this.signature = signature;
        this.retry = retry;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "verify-emulator-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Queues {@code body} for delivery now; returns at once. */
    void send(String type, String requestId, Optional<String> applicationId, byte[] body) {
        Pending pending = new Pending(UUID.randomUUID().toString(), type, requestId, applicationId, body,
                generation.get());
        synchronized (queued) {
            Deque<Pending> waiting = queued.get(requestId);
            if (waiting != null) {
                waiting.addLast(pending);
                return;
            }
            queued.put(requestId, new ArrayDeque<>(2));
        }
        schedule(() -> attempt(pending, 1), Duration.ZERO);
    }

    /** The request's next callback, once the one before it was delivered or given up. */
    private void sendNextOf(Pending done) {
        Pending next;
        synchronized (queued) {
            Deque<Pending> waiting = queued.get(done.requestId());
            next = waiting == null ? null : waiting.pollFirst();
            if (next == null) {
                queued.remove(done.requestId());
                return;
            }
        }
        Pending first = next;
        schedule(() -> attempt(first, 1), Duration.ZERO);
    }

    List<CallbackAttempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** Forgets pending callbacks (they are dropped when their turn comes) and the attempts seen so far. */
    void reset() {
        generation.incrementAndGet();
        synchronized (queued) {
            queued.clear();
        }
        synchronized (attempts) {
            attempts.clear();
        }
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        scheduler.shutdownNow();
    }

    private void attempt(Pending pending, int number) {
        if (pending.generation() != generation.get()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(retry.attemptTimeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + signature.sign(pending.body(), pending.applicationId()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(pending.body()))
                .build();
        Instant at = Instant.now();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> completed(pending, number, at, response));
    }

    private void completed(Pending pending, int number, Instant at, HttpResponse<Void> response) {
        if (pending.generation() != generation.get()) {
            return;
        }
        int status = response == null ? 0 : response.statusCode();
        boolean delivered = status >= 200 && status < 300;
        synchronized (attempts) {
            if (attempts.size() == KEPT_ATTEMPTS) {
                attempts.removeFirst();
            }
            attempts.addLast(new CallbackAttempt(pending.callbackId(), pending.type(), pending.requestId(), number,
                    status, at, delivered));
        }
        if (delivered || status == 410 || number >= retry.maxAttempts()) {
            if (!delivered) {
                LOG.log(System.Logger.Level.INFO, "gave up on a {0} callback after {1} attempts (last status {2})",
                        pending.type(), number, status);
            }
            sendNextOf(pending);
            return;
        }
        Duration wait = retry.delayBefore(number + 1, retryAfter(response));
        schedule(() -> attempt(pending, number + 1), wait);
    }

    /** The receiver's {@code Retry-After} in seconds, when it gave one. */
    private static Duration retryAfter(HttpResponse<Void> response) {
        if (response == null) {
            return null;
        }
        Optional<String> header = response.headers().firstValue("Retry-After");
        try {
            return header.map(value -> Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())))).orElse(null);
        } catch (NumberFormatException e) {
            // An HTTP date instead of seconds: fall back to the backoff.
            return null;
        }
    }

    private void schedule(Runnable task, Duration wait) {
        try {
            scheduler.schedule(task, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed: nothing more is sent.
            LOG.log(System.Logger.Level.DEBUG, "callback dropped: the emulator is closed");
        }
    }
}
