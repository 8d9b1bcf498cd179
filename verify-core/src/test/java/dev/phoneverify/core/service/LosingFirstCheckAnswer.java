package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.VerificationGateway;
import java.util.concurrent.atomic.AtomicBoolean;

/** Test gateway wrapper: the provider acts on the first check, but its answer is lost and a timeout is seen. */
final class LosingFirstCheckAnswer extends ScriptedGatewayDelegate {
    private final AtomicBoolean lost = new AtomicBoolean();

    LosingFirstCheckAnswer(VerificationGateway provider) {
        super(provider);
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        CheckOutcome answer = super.check(requestId, code);
        if (lost.compareAndSet(false, true)) {
            throw new GatewayException(GatewayException.Reason.TIMEOUT, "read timed out");
        }
        return answer;
    }
}
