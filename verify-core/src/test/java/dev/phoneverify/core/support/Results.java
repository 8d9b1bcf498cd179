package dev.phoneverify.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.usecase.CancelResult;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartResult;

/**
 * Test helpers that read a use case's result the way a test expects it to have gone, failing the test with the
 * actual result when it went otherwise.
 */
public final class Results {
    private Results() {
    }

    /** The flow a start began; fails unless it started. */
    public static VerificationFlow started(StartResult result) {
        assertThat(result).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).flow();
    }

    /** The flow a cancel ended; fails unless it cancelled. */
    public static VerificationFlow cancelled(CancelResult result) {
        assertThat(result).isInstanceOf(CancelResult.Cancelled.class);
        return ((CancelResult.Cancelled) result).flow();
    }

    /** The flow a next step moved on; fails unless it advanced. */
    public static VerificationFlow advanced(NextStepResult result) {
        assertThat(result).isInstanceOf(NextStepResult.Advanced.class);
        return ((NextStepResult.Advanced) result).flow();
    }

    /** The flow after a check that was not refused, whatever the verdict. */
    public static VerificationFlow flowAfter(CheckResult result) {
        return result.accept(new CheckResult.Visitor<>() {
            @Override
            public VerificationFlow verified(CheckResult.Verified verified) {
                return verified.flow();
            }

            @Override
            public VerificationFlow wrongCode(CheckResult.WrongCode wrong) {
                return wrong.flow();
            }

            @Override
            public VerificationFlow failed(CheckResult.Failed failed) {
                return failed.flow();
            }

            @Override
            public VerificationFlow expired(CheckResult.Expired expired) {
                return expired.flow();
            }

            @Override
            public VerificationFlow refused(CheckResult.Refused refused) {
                throw new AssertionError("the check was refused: " + refused.refusal());
            }
        });
    }

    public static Refusal refusal(StartResult result) {
        assertThat(result).isInstanceOf(StartResult.Refused.class);
        return ((StartResult.Refused) result).refusal();
    }

    public static Refusal refusal(CheckResult result) {
        assertThat(result).isInstanceOf(CheckResult.Refused.class);
        return ((CheckResult.Refused) result).refusal();
    }

    public static Refusal refusal(CancelResult result) {
        assertThat(result).isInstanceOf(CancelResult.Refused.class);
        return ((CancelResult.Refused) result).refusal();
    }

    public static Refusal refusal(NextStepResult result) {
        assertThat(result).isInstanceOf(NextStepResult.Refused.class);
        return ((NextStepResult.Refused) result).refusal();
    }

    /** The refusal's case, cast; fails unless the refusal is of {@code type}. */
    public static <T extends Refusal> T as(Refusal refusal, Class<T> type) {
        assertThat(refusal).isInstanceOf(type);
        return type.cast(refusal);
    }
}
