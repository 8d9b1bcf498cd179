package dev.phoneverify.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One answer of the API, whatever server writes it: status, media type, headers, and the body to write as JSON
 * with {@link ApiJson}.
 *
 * @param headers further headers, such as {@code Location} or {@code Retry-After}
 */
public record ApiAnswer(int status, String mediaType, Map<String, String> headers, Object body) {
    /** The media type of every answer that is not a problem. */
    public static final String JSON = "application/json";

    public ApiAnswer {
        Objects.requireNonNull(mediaType, "mediaType");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** A JSON answer with no further headers. */
    public static ApiAnswer json(int status, Object body) {
        return new ApiAnswer(status, JSON, Map.of(), body);
    }

    /** {@code problem} as an answer: its status, {@code application/problem+json}, and {@code Retry-After} if it asks. */
    public static ApiAnswer problem(Problem problem) {
        Map<String, String> headers = new LinkedHashMap<>();
        problem.retryAfter().ifPresent(wait -> headers.put("Retry-After", Long.toString(Problems.seconds(wait))));
        return new ApiAnswer(problem.status(), Problem.MEDIA_TYPE, headers, problem.body());
    }

    /** This answer with one more header. */
    public ApiAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiAnswer(status, mediaType, more, body);
    }

    /** True when the body is a problem. */
    public boolean isProblem() {
        return mediaType.equals(Problem.MEDIA_TYPE);
    }
}
