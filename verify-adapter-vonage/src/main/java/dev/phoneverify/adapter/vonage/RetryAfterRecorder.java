package dev.phoneverify.adapter.vonage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.conn.ClientConnectionManager;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.params.HttpParams;
import org.apache.http.protocol.HttpContext;

/**
 * The SDK's own HTTP client with one addition: it remembers, per thread, the {@code Retry-After} of the last 429
 * answer. The SDK's problem exception carries only the body, and a throttled caller should know how long to wait.
 *
 * <p>Delegating keeps everything the SDK set up (pool, timeouts, user agent, proxy); the SDK calls its client on the
 * caller's thread, so the value read right after a call is that call's.
 */
final class RetryAfterRecorder extends CloseableHttpClient {
    private static final int TOO_MANY_REQUESTS = 429;

    private final CloseableHttpClient delegate;
    private final ThreadLocal<String> lastRetryAfter = new ThreadLocal<>();

    RetryAfterRecorder(CloseableHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    protected CloseableHttpResponse doExecute(HttpHost target, HttpRequest request, HttpContext context)
            throws IOException {
        lastRetryAfter.remove();
        CloseableHttpResponse response = delegate.execute(target, request, context);
        if (response.getStatusLine().getStatusCode() == TOO_MANY_REQUESTS) {
            Header retryAfter = response.getFirstHeader("Retry-After");
            if (retryAfter != null) {
                lastRetryAfter.set(retryAfter.getValue());
            }
        }
        return response;
    }

    /** How long the last 429 on this thread asked to wait, if it said (seconds or an HTTP date); then forgets it. */
    Optional<Duration> takeRetryAfter(Instant now) {
        String value = lastRetryAfter.get();
        lastRetryAfter.remove();
        return value == null ? Optional.empty() : parse(value.strip(), now);
    }

    static Optional<Duration> parse(String value, Instant now) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    @SuppressWarnings("deprecation") // Part of the abstract class; the SDK never calls it.
    public HttpParams getParams() {
        return delegate.getParams();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ClientConnectionManager getConnectionManager() {
        return delegate.getConnectionManager();
    }
}
