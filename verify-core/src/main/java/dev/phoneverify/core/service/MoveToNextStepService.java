package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.VerificationEvent.Kind;
import java.util.Optional;

/** Use case: move delivery to the next step, through the resend cooldown. */
final class MoveToNextStepService implements MoveToNextStep {
    private final VerificationGateway gateway;
    private final VerificationPolicy policy;
    private final FlowTransactions transactions;
    private final Reconciler reconciler;
    private final GatewayFit fit;
    private final AbuseGuard abuseGuard;

    MoveToNextStepService(Settings settings, FlowTransactions transactions, Reconciler reconciler, GatewayFit fit,
                          AbuseGuard abuseGuard) {
        this.gateway = settings.gateway();
        this.policy = settings.policy();
        this.transactions = transactions;
        this.reconciler = reconciler;
        this.fit = fit;
        this.abuseGuard = abuseGuard;
    }

    @Override
    public NextStepResult next(FlowId id) {
        if (!fit.canMoveToNextStep()) {
            return new NextStepResult.Refused(new Refusal.Unsupported(Refusal.Capability.NEXT_STEP));
        }
        return transactions.<NextStepResult>onPendingFlow(id, NextStepResult.Refused::new, (flow, transaction) -> {
            Optional<Refusal.RateLimited> limited = abuseGuard.beforeResend(flow.number(), transaction.now());
            if (limited.isPresent()) {
                return new NextStepResult.Refused(limited.get());
            }
            return gateway.advance(flow.requestId()).accept(new AdvanceOutcome.Visitor<>() {
                @Override
                public NextStepResult advanced(AdvanceOutcome.Advanced advanced) {
                    VerificationFlow next = transaction.change(flow, current -> current.advanced(advanced.channel(),
                            advanced.requestEndsAt(), transaction.now(), policy));
                    transaction.emit(Kind.ADVANCED, next);
                    return new NextStepResult.Advanced(next);
                }

                @Override
                public NextStepResult noStepsLeft(AdvanceOutcome.NoStepsLeft noStepsLeft) {
                    return new NextStepResult.Refused(new Refusal.NoNextStep(flow));
                }

                @Override
                public NextStepResult notFound(AdvanceOutcome.NotFound notFound) {
                    return new NextStepResult.Refused(new Refusal.FlowFinished(reconciler.reconcile(flow, transaction)));
                }
            });
        });
    }
}
