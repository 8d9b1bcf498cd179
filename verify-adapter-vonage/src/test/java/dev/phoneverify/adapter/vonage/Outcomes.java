package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import java.util.function.Supplier;

/** Short names for outcomes and failures, so status tables in tests read as one line per row. */
final class Outcomes {
    private Outcomes() {
    }

    /** E.g. {@code Started}, {@code Rejected:BARRED}, {@code GatewayException:THROTTLED}. */
    static String nameOf(Supplier<?> call) {
        Object outcome;
        try {
            outcome = call.get();
        } catch (GatewayException e) {
            return "GatewayException:" + e.reason();
        }
        if (outcome instanceof StartOutcome.Rejected rejected) {
            return "Rejected:" + rejected.reason();
        }
        if (outcome instanceof CancelOutcome.NotPermitted notPermitted) {
            return "NotPermitted:" + notPermitted.reason();
        }
        if (outcome instanceof AdvanceOutcome.Advanced advanced) {
            return "Advanced:" + advanced.channel();
        }
        if (outcome instanceof Enum<?> constant) {
            return constant.name();
        }
        return outcome.getClass().getSimpleName();
    }
}
