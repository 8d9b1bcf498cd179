package dev.phoneverify.adapter.vonage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.conn.ClientConnectionManager;
import org.apache.http.entity.BufferedHttpEntity;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.params.HttpParams;
import org.apache.http.protocol.HttpContext;
import org.apache.http.util.EntityUtils;

/**
 * The SDK's own HTTP client with one addition: it remembers, per thread, what the last answer said that the SDK
 * does not pass on. The {@code Retry-After} of a 429, because the SDK's problem exception carries only the body; and
 * whether a success's body could be read at all, because for cancel and next step the SDK ignores the body of a
 * 2xx, so an HTML page from a proxy would pass as success.
 *
 * <p>Delegating keeps everything the SDK set up (pool, timeouts, user agent, proxy); the SDK calls its client on the
 * caller's thread, so what is read right after a call is that call's.
 *
 * <p>Every request goes out as one with a (possibly empty) body. The SDK's HTTP client counts a request without a
 * body as idempotent and sends it again when its answer does not arrive: a cancel or a next step whose answer was
 * lost would then be taken twice (a step skipped), or reported "not found" by the second try. With a body it is
 * only sent again when the first try never left, as the client already does for start and check.
 */
final class ResponseRecorder extends CloseableHttpClient {
    private static final int TOO_MANY_REQUESTS = 429;

    /** What the last answer on a thread said. */
    private record Seen(String retryAfter, boolean bodyReadable) {
    }

    private final CloseableHttpClient delegate;
    private final ThreadLocal<Seen> last = new ThreadLocal<>();

    ResponseRecorder(CloseableHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    protected CloseableHttpResponse doExecute(HttpHost target, HttpRequest request, HttpContext context)
            throws IOException {
        last.remove();
        CloseableHttpResponse response = delegate.execute(target, withBody(request), context);
        int status = response.getStatusLine().getStatusCode();
        Header retryAfter = status == TOO_MANY_REQUESTS ? response.getFirstHeader("Retry-After") : null;
        boolean readable = true;
        HttpEntity entity = response.getEntity();
        if (status / 100 == 2 && entity != null) {
            // Verify answers are small; buffering lets the SDK read the same bytes after us.
            BufferedHttpEntity buffered = new BufferedHttpEntity(entity);
            response.setEntity(buffered);
            String body = EntityUtils.toString(buffered, StandardCharsets.UTF_8).strip();
            readable = body.isEmpty() || body.startsWith("{") || body.startsWith("[");
        }
        last.set(new Seen(retryAfter == null ? null : retryAfter.getValue(), readable));
        return response;
    }

    private static HttpRequest withBody(HttpRequest request) {
        if (request instanceof HttpEntityEnclosingRequest) {
            return request;
        }
        return RequestBuilder.copy(request).setEntity(new ByteArrayEntity(new byte[0])).build();
    }

    /** How long the last 429 on this thread asked to wait, if it said (seconds or an HTTP date). */
    Optional<Duration> retryAfter(Instant now) {
        Seen seen = last.get();
        return seen == null || seen.retryAfter() == null ? Optional.empty() : parse(seen.retryAfter().strip(), now);
    }

    /** False when the last success on this thread had a body that is neither empty nor JSON. */
    boolean lastBodyReadable() {
        Seen seen = last.get();
        return seen == null || seen.bodyReadable();
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
