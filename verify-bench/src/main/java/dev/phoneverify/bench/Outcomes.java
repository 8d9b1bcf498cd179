package dev.phoneverify.bench;

import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.StartResult;

/**
 * What the measurements need from a command's result: the flow a start began, and that a check verified. Anything
 * else means the setup is wrong (a benchmark runs with abuse controls off and the right code), so it fails loudly.
 */
final class Outcomes {
    private static final StartResult.Visitor<VerificationFlow> STARTED_FLOW = new StartResult.Visitor<>() {
        @Override
        public VerificationFlow started(StartResult.Started started) {
            return started.flow();
        }

        @Override
        public VerificationFlow refused(StartResult.Refused refused) {
            throw new IllegalStateException("the start was refused: " + refused.refusal());
        }
    };

    private static final CheckResult.Visitor<Boolean> VERIFIED = new CheckResult.Visitor<>() {
        @Override
        public Boolean verified(CheckResult.Verified verified) {
            return true;
        }

        @Override
        public Boolean wrongCode(CheckResult.WrongCode wrong) {
            return false;
        }

        @Override
        public Boolean failed(CheckResult.Failed failed) {
            return false;
        }

        @Override
        public Boolean expired(CheckResult.Expired expired) {
            return false;
        }

        @Override
        public Boolean refused(CheckResult.Refused refused) {
            return false;
        }
    };

    private Outcomes() {
    }

    /** The flow {@code result} began. */
    static VerificationFlow startedFlow(StartResult result) {
        return result.accept(STARTED_FLOW);
    }

    /** {@code result}, once it is known to have verified the flow. */
    static CheckResult requireVerified(CheckResult result) {
        if (!result.accept(VERIFIED)) {
            throw new IllegalStateException("the check did not verify: " + result);
        }
        return result;
    }
}
