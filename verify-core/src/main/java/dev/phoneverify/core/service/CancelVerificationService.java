package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.usecase.CancelResult;
import dev.phoneverify.core.usecase.CancelVerification;
import dev.phoneverify.core.usecase.Refusal;

/** Use case: cancel a pending flow at the provider. */
final class CancelVerificationService implements CancelVerification {
    private final VerificationGateway gateway;
    private final FlowTransactions transactions;
    private final Reconciler reconciler;
    private final GatewayFit fit;

    CancelVerificationService(Settings settings, FlowTransactions transactions, Reconciler reconciler, GatewayFit fit) {
        this.gateway = settings.gateway();
        this.transactions = transactions;
        this.reconciler = reconciler;
        this.fit = fit;
    }

    @Override
    public CancelResult cancel(FlowId id) {
        if (!fit.canCancel()) {
            return new CancelResult.Refused(new Refusal.Unsupported(Refusal.Capability.CANCEL));
        }
        return transactions.<CancelResult>onPendingFlow(id, CancelResult.Refused::new, (flow, transaction) ->
                gateway.cancel(flow.requestId()).accept(new CancelOutcome.Visitor<>() {
                    @Override
                    public CancelResult cancelled(CancelOutcome.Cancelled cancelled) {
                        VerificationFlow next = transaction.change(flow,
                                current -> current.ended(EndReason.CANCELLED_ON_REQUEST, transaction.now()));
                        transaction.emitEnded(next);
                        return new CancelResult.Cancelled(next);
                    }

                    @Override
                    public CancelResult notPermitted(CancelOutcome.NotPermitted refused) {
                        return new CancelResult.Refused(new Refusal.CancelNotPermitted(refused.reason()));
                    }

                    @Override
                    public CancelResult notFound(CancelOutcome.NotFound notFound) {
                        return new CancelResult.Refused(new Refusal.FlowFinished(reconciler.reconcile(flow, transaction)));
                    }
                }));
    }
}
