package dev.phoneverify.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An error answer in RFC 9457 terms: {@code type} {@code /problems/<slug>}, {@code title}, {@code status},
 * {@code detail}, plus any members one kind of problem adds (such as {@code state}).
 *
 * @param status     the HTTP status
 * @param slug       the last segment of {@code type}, such as {@code not-found}
 * @param title      the same words for every problem of this type
 * @param detail     says what went wrong in words the caller can act on; never a provider's text or a stack trace
 * @param extra      further members of the body, in order
 * @param retryAfter sent as {@code Retry-After} when present
 */
public record Problem(int status, String slug, String title, String detail, Map<String, Object> extra,
               Optional<Duration> retryAfter) {
    /** The media type of every problem answer. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        extra = Map.copyOf(extra);
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A problem with no further members and no {@code Retry-After}. */
    public Problem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of(), Optional.empty());
    }

    /** This problem with one more member in its body. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(member, value);
        return new Problem(status, slug, title, detail, more, retryAfter);
    }

    /** This problem, asking the caller to wait {@code wait} before trying again. */
    public Problem retryAfter(Duration wait) {
        return new Problem(status, slug, title, detail, extra, Optional.of(wait));
    }

    /** {@code /problems/<slug>}. */
    public String type() {
        return "/problems/" + slug;
    }

    /** The JSON body, members in the order RFC 9457 lists them. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        return body;
    }
}
