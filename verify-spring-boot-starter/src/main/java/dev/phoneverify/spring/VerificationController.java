package dev.phoneverify.spring;

import dev.phoneverify.api.IdempotencyKeyHeader;
import dev.phoneverify.api.JsonBodies;
import dev.phoneverify.api.VerificationApi;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.usecase.StartCommand;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adapter: the JSON API on Spring MVC, the same paths, bodies, problems and statuses as the Guice app's, since
 * both serve {@link VerificationApi}. The failures that stay exceptions are answered by {@link ApiProblems}.
 */
@RestController
@RequestMapping(VerificationApi.BASE)
public class VerificationController {
    private final PhoneVerifyUseCases useCases;
    private final VerificationApi api;

    /** @param api the API's answers, as {@link VerificationApi#of} makes them for the same use cases */
    public VerificationController(PhoneVerifyUseCases useCases, VerificationApi api) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.api = Objects.requireNonNull(api, "api");
    }

    @PostMapping
    public ResponseEntity<byte[]> start(HttpServletRequest request) throws IOException {
        StartCommand command = api.startCommand(JsonBodies.object(request.getContentType(), Answers.body(request)),
                Answers.client(request));
        StartCommand keyed = IdempotencyKeyHeader.parse(
                        Collections.list(request.getHeaders(IdempotencyKeyHeader.HEADER)))
                .map(command::withIdempotencyKey).orElse(command);
        return Answers.of(api.started(useCases.starts().start(keyed)));
    }

    @GetMapping("/{id}")
    public ResponseEntity<byte[]> show(@PathVariable("id") String id) {
        FlowId flow = VerificationApi.flowId(id);
        return Answers.of(api.found(flow, useCases.finds().find(flow)));
    }

    @PostMapping("/{id}/check")
    public ResponseEntity<byte[]> check(@PathVariable("id") String id, HttpServletRequest request)
            throws IOException {
        FlowId flow = VerificationApi.flowId(id);
        return Answers.of(api.checked(useCases.checks().check(
                api.checkCommand(flow, JsonBodies.object(request.getContentType(), Answers.body(request))))));
    }

    @PostMapping("/{id}/cancel")
    public ResponseEntity<byte[]> cancel(@PathVariable("id") String id) {
        return Answers.of(api.cancelled(useCases.cancels().cancel(VerificationApi.flowId(id))));
    }

    @PostMapping("/{id}/next")
    public ResponseEntity<byte[]> next(@PathVariable("id") String id) {
        return Answers.of(api.advanced(useCases.nextSteps().next(VerificationApi.flowId(id))));
    }
}
