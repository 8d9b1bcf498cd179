package dev.phoneverify.app.sample;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.VerificationGateway;

/**
 * An application class in the library's own repository ({@code dev.phoneverify.app..}, where verify-app lives) that
 * asks the provider around the use cases: the rules hold there too, so the project checks itself with them.
 */
public final class InRepositoryStatusPage {
    private final VerificationGateway gateway;

    public InRepositoryStatusPage(VerificationGateway gateway) {
        this.gateway = gateway;
    }

    public RequestStatus status(String requestId) {
        return gateway.status(new RequestId(requestId));
    }
}
