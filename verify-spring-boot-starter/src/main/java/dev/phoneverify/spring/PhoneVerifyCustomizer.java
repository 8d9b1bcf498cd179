package dev.phoneverify.spring;

import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;

/**
 * A bean that takes part in building the use cases: it may wrap the gateway they call, subscribe to them once
 * built, and wrap the commands the web layer calls. The starter's Micrometer support is one; every method does
 * nothing by default.
 */
public interface PhoneVerifyCustomizer {

    /** The gateway the use cases call instead of {@code gateway}. */
    default VerificationGateway gateway(VerificationGateway gateway) {
        return gateway;
    }

    /** Called once the use cases are built. */
    default void built(Verifications verifications) {
    }

    /** The starts the web layer calls instead of {@code starts}. */
    default StartVerification starts(StartVerification starts) {
        return starts;
    }

    /** The step changes the web layer calls instead of {@code nextSteps}. */
    default MoveToNextStep nextSteps(MoveToNextStep nextSteps) {
        return nextSteps;
    }
}
