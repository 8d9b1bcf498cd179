package sample.bad.web;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.VerificationGateway;

/** Breaks "only the use cases call the gateway": it asks the provider around them. */
public final class StatusController {
    private final VerificationGateway gateway;

    public StatusController(VerificationGateway gateway) {
        this.gateway = gateway;
    }

    public RequestStatus status(String requestId) {
        return gateway.status(new RequestId(requestId));
    }
}
