package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.usecase.ApplyProviderStatus;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.UpdateResult;
import dev.phoneverify.core.usecase.VerificationEvent.Kind;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Use case: apply status the provider pushed. Each update becomes a transition that leaves a flow unchanged when
 * it is a duplicate, late or out of order, so applying it again, or after a newer one, changes nothing.
 */
final class ProviderStatusService implements ApplyProviderStatus {
    private static final UpdateResult UNKNOWN = new UpdateResult(UpdateResult.Outcome.UNKNOWN_REQUEST, Optional.empty());

    private final FlowStore store;
    private final FlowTransactions transactions;

    ProviderStatusService(Settings settings, FlowTransactions transactions) {
        this.store = settings.store();
        this.transactions = transactions;
    }

    @Override
    public UpdateResult apply(ProviderUpdate update) {
        Optional<VerificationFlow> known = store.findByRequestId(update.requestId());
        if (known.isEmpty()) {
            return UNKNOWN;
        }
        return transactions.onFlow(known.get().id(), () -> UNKNOWN, ProviderStatusService::unchanged,
                (flow, transaction) -> {
                    Instant now = transaction.now();
                    FlowTransactions.Write write = transaction.save(flow, transitionFor(update, now));
                    if (!write.changed()) {
                        return unchanged(write.flow());
                    }
                    VerificationFlow next = write.flow();
                    if (next.isTerminal()) {
                        transaction.emitEnded(next);
                    } else {
                        transaction.emit(Kind.ADVANCED, next);
                    }
                    return new UpdateResult(UpdateResult.Outcome.APPLIED, Optional.of(next));
                });
    }

    private static UnaryOperator<VerificationFlow> transitionFor(ProviderUpdate update, Instant now) {
        return update.accept(new ProviderUpdate.Visitor<>() {
            @Override
            public UnaryOperator<VerificationFlow> step(ProviderUpdate.StepUpdate step) {
                return switch (step.status()) {
                    // A step that started before the flow's current one is news from the past.
                    case STARTED -> flow -> flow.isTerminal() || flow.channel() == step.channel()
                            || step.at().isBefore(flow.stepStartedAt())
                            ? flow : flow.stepStarted(step.channel(), step.at(), now);
                    // The request's own end follows in its summary; a step's end moves nothing by itself.
                    case COMPLETED, FAILED, EXPIRED -> UnaryOperator.identity();
                };
            }

            @Override
            public UnaryOperator<VerificationFlow> ended(ProviderUpdate.RequestEnded ended) {
                EndReason reason = switch (ended.status()) {
                    case COMPLETED -> EndReason.VERIFIED_AT_PROVIDER;
                    case FAILED -> EndReason.FAILED_AT_PROVIDER;
                    case EXPIRED -> EndReason.EXPIRED_AT_PROVIDER;
                    case BLOCKED -> EndReason.BLOCKED_BY_PROVIDER;
                    case CANCELLED -> EndReason.CANCELLED_AT_PROVIDER;
                };
                return flow -> flow.isTerminal() ? flow : flow.ended(reason, now);
            }
        });
    }

    private static UpdateResult unchanged(VerificationFlow flow) {
        return new UpdateResult(UpdateResult.Outcome.UNCHANGED, Optional.of(flow));
    }
}
