package dev.phoneverify.spring;

import dev.phoneverify.core.usecase.CancelVerification;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;
import java.util.Objects;

/**
 * The driving ports the JSON API calls, one per command: the one {@code Verifications}, with starts and step
 * changes as each {@link PhoneVerifyCustomizer} wrapped them.
 */
public record PhoneVerifyUseCases(StartVerification starts, CheckCode checks, CancelVerification cancels,
                                  MoveToNextStep nextSteps, FindVerification finds) {
    public PhoneVerifyUseCases {
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(cancels, "cancels");
        Objects.requireNonNull(nextSteps, "nextSteps");
        Objects.requireNonNull(finds, "finds");
    }
}
