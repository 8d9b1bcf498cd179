package dev.phoneverify.spring;

import dev.phoneverify.api.BadRequestException;
import dev.phoneverify.api.Problem;
import dev.phoneverify.api.Problems;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems of the failures that stay exceptions, for the starter's controllers only (the application's own
 * controllers keep their own error handling): malformed input, a provider or store that cannot be reached, a bug.
 */
@RestControllerAdvice(assignableTypes = {VerificationController.class, DevController.class})
public class ApiProblems {
    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(BadRequestException.class)
    public ResponseEntity<byte[]> badRequest(BadRequestException e) {
        return Answers.problem(e.problem());
    }

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<byte[]> invalidInput(InvalidInputException e) {
        return Answers.problem(Problems.invalidInput(e));
    }

    @ExceptionHandler(GatewayException.class)
    public ResponseEntity<byte[]> gatewayFailure(GatewayException e, HttpServletRequest request) {
        return failed(Problems.gatewayFailure(e), e, request);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    public ResponseEntity<byte[]> storeUnavailable(StoreUnavailableException e, HttpServletRequest request) {
        return failed(Problems.storeUnavailable(), e, request);
    }

    @ExceptionHandler(IOException.class)
    public ResponseEntity<byte[]> unreadable(IOException e) {
        return Answers.problem(Problems.invalidRequest("the body could not be read"));
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<byte[]> unexpected(RuntimeException e, HttpServletRequest request) {
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Answers.problem(Problems.internalError());
    }

    /** A provider or store failure: the caller's problem, and one line for whoever runs the app when it is ours. */
    private static ResponseEntity<byte[]> failed(Problem problem, RuntimeException e, HttpServletRequest request) {
        if (problem.status() >= 500) {
            LOG.warn("{} on {} {}: {}", problem.slug(), request.getMethod(), request.getRequestURI(), e.getMessage());
        }
        return Answers.problem(problem);
    }
}
