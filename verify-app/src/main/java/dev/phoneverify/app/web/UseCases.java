package dev.phoneverify.app.web;

import dev.phoneverify.core.usecase.CancelVerification;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;
import java.util.Objects;

/** The core's driving ports the web layer calls, one per command (in the app, all of them one {@code Verifications}). */
record UseCases(StartVerification starts, CheckCode checks, CancelVerification cancels, MoveToNextStep nextSteps,
                FindVerification finds) {
    UseCases {
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(cancels, "cancels");
        Objects.requireNonNull(nextSteps, "nextSteps");
        Objects.requireNonNull(finds, "finds");
    }
}
