package sample.bad.web;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.VerificationGateway;
import java.util.function.Function;

/** Breaks "only the use cases call the gateway" through a method reference, not a call. */
public final class CancelButton {
    private final Function<RequestId, CancelOutcome> onClick;

    public CancelButton(VerificationGateway gateway) {
        this.onClick = gateway::cancel;
    }

    public CancelOutcome click(RequestId requestId) {
        return onClick.apply(requestId);
    }
}
