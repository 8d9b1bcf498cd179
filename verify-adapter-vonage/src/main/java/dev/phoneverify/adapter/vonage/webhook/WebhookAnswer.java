package dev.phoneverify.adapter.vonage.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to answer a callback, for any HTTP layer to write: a status and, for a refusal, an RFC 9457 problem. Vonage
 * retries every answer but 200 and 204, so only a callback worth retrying (our store was down) gets a 5xx.
 *
 * @param status     the HTTP status
 * @param problem    the problem body of a 4xx or 5xx; empty for 200
 * @param retryAfter seconds for a {@code Retry-After} header, when present
 */
public record WebhookAnswer(int status, Optional<Problem> problem, Optional<Integer> retryAfter) {
    /** The media type of a problem body. */
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public WebhookAnswer {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (problem.isPresent() == (status < 400)) {
            throw new IllegalArgumentException("a problem goes with a 4xx or 5xx answer, and only with one");
        }
    }

    /**
     * An RFC 9457 problem.
     *
     * @param type   {@code /problems/<slug>}
     * @param title  a short summary of the kind of problem
     * @param detail what went wrong with this callback
     */
    public record Problem(String type, String title, String detail) {
        public Problem {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(detail, "detail");
        }
    }

    static WebhookAnswer accepted() {
        return new WebhookAnswer(200, Optional.empty(), Optional.empty());
    }

    static WebhookAnswer refused(Forgery forgery) {
        return problem(401, forgery.slug(), "Callback refused", forgery.detail());
    }

    static WebhookAnswer problem(int status, String slug, String title, String detail) {
        return new WebhookAnswer(status, Optional.of(new Problem("/problems/" + slug, title, detail)),
                Optional.empty());
    }

    WebhookAnswer retryAfter(int seconds) {
        return new WebhookAnswer(status, problem, Optional.of(seconds));
    }

    /** {@code application/problem+json} with a problem, else empty (a 200 has no body). */
    public Optional<String> contentType() {
        return problem.map(p -> PROBLEM_MEDIA_TYPE);
    }

    /** The body to send: the problem as JSON, or empty. */
    public String body() {
        return problem.map(p -> {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("type", p.type());
            members.put("title", p.title());
            members.put("status", status);
            members.put("detail", p.detail());
            try {
                return JSON.writeValueAsString(members);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("strings and a number always serialise", e);
            }
        }).orElse("");
    }
}
