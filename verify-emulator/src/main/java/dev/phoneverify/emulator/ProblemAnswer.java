package dev.phoneverify.emulator;

/** A v2 call ends in this {@link Problem} (bad credentials, a bad body, a refusal); the endpoint sends it. */
final class ProblemAnswer extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    ProblemAnswer(Problem problem) {
        // No stack trace: it is an answer, not a failure.
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
