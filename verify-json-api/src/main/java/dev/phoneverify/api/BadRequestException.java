package dev.phoneverify.api;

import java.util.Objects;

/** A request the HTTP layer refuses before the service sees it; carries the problem to answer. */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** Refuses the request with {@code problem}. */
    public BadRequestException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** What to answer. */
    public Problem problem() {
        return problem;
    }
}
