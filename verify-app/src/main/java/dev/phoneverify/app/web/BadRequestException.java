package dev.phoneverify.app.web;

import java.util.Objects;

/** A request the HTTP layer refuses before the service sees it; carries the problem to answer. */
final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    BadRequestException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    Problem problem() {
        return problem;
    }
}
