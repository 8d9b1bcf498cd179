package dev.phoneverify.spring;

import dev.phoneverify.api.ApiAnswer;
import dev.phoneverify.api.ApiJson;
import dev.phoneverify.api.JsonBodies;
import dev.phoneverify.api.Problem;
import dev.phoneverify.core.domain.ClientKey;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the Spring MVC controllers share: an {@link ApiAnswer} written as the Guice app writes it (the same bytes,
 * through {@link ApiJson}, and the same no-store headers), and the request's body and client key.
 */
final class Answers {

    private Answers() {
    }

    static ResponseEntity<byte[]> of(ApiAnswer answer) {
        HttpHeaders headers = new HttpHeaders();
        answer.headers().forEach(headers::set);
        // Answers hold ids and codes: no cache keeps them, and no referrer carries the id elsewhere.
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.setContentType(MediaType.parseMediaType(answer.mediaType()));
        return ResponseEntity.status(answer.status()).headers(headers).body(ApiJson.writeBytes(answer.body()));
    }

    static ResponseEntity<byte[]> json(int status, Object body) {
        return of(ApiAnswer.json(status, body));
    }

    static ResponseEntity<byte[]> problem(Problem problem) {
        return of(ApiAnswer.problem(problem));
    }

    /** The body, read within the API's limit; the stream is the servlet's own, so no converter has touched it. */
    static byte[] body(HttpServletRequest request) throws IOException {
        return JsonBodies.read(request.getContentLengthLong(), request.getInputStream());
    }

    /**
     * The client the per-client limit counts: the peer's address. Behind a proxy, Boot's
     * {@code server.forward-headers-strategy} makes it the forwarded client's.
     */
    static ClientKey client(HttpServletRequest request) {
        return new ClientKey(request.getRemoteAddr());
    }
}
