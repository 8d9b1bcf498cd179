package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationCode;
import java.util.Objects;

/** "The user typed this code for this flow." */
public record CheckCommand(FlowId flow, VerificationCode code) {
    public CheckCommand {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(code, "code");
    }
}
