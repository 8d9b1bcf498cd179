package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Instant;

/**
 * Decides how a flow ended once the provider no longer knows its request (a retry after a lost answer, say): by
 * the provider's status lookup where the gateway has one, else as unknown to the provider. A flow is never guessed
 * verified.
 */
final class Reconciler {
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

    private final VerificationGateway gateway;
    private final boolean canLookUp;

    Reconciler(VerificationGateway gateway) {
        this.gateway = gateway;
        this.canLookUp = gateway.capabilities().statusLookup();
    }

    /** Ends the pending flow the way the provider says it ended, and emits that. */
    VerificationFlow reconcile(VerificationFlow flow, FlowTransactions.Transaction transaction) {
        RequestStatus status = canLookUp ? gateway.status(flow.requestId()) : RequestStatus.UNKNOWN;
        EndReason reason = switch (status) {
            case VERIFIED -> EndReason.VERIFIED_AT_PROVIDER;
            case FAILED -> EndReason.FAILED_AT_PROVIDER;
            case CANCELLED -> EndReason.CANCELLED_AT_PROVIDER;
            case EXPIRED -> EndReason.EXPIRED_AT_PROVIDER;
            // The provider said it does not know the request: whatever the lookup says, it cannot go on.
            case IN_PROGRESS, UNKNOWN -> EndReason.UNKNOWN_TO_PROVIDER;
        };
        Instant now = transaction.now();
        VerificationFlow ended = transaction.change(flow, current -> current.ended(reason, now));
        transaction.emitEnded(ended);
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "verification {0} for {1} reconciled with the provider ({2}): {3}",
                    flow.id(), flow.number(), status, reason);
        }
        return ended;
    }
}
