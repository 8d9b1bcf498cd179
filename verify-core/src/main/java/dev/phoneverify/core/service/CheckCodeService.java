package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.VerificationEvent.Kind;
import java.time.Instant;

/** Use case: check a code. Runs inside the flow's transaction, so concurrent checks count and verify once. */
final class CheckCodeService implements CheckCode {
    private final VerificationGateway gateway;
    private final VerificationPolicy policy;
    private final FlowTransactions transactions;
    private final Reconciler reconciler;

    CheckCodeService(Settings settings, FlowTransactions transactions, Reconciler reconciler) {
        this.gateway = settings.gateway();
        this.policy = settings.policy();
        this.transactions = transactions;
        this.reconciler = reconciler;
    }

    @Override
    public CheckResult check(CheckCommand command) {
        return transactions.<CheckResult>onPendingFlow(command.flow(), CheckResult.Refused::new, (flow, transaction) -> {
            CheckOutcome outcome = gateway.check(flow.requestId(), command.code());
            Instant now = transaction.now();
            return outcome.accept(new CheckOutcome.Visitor<>() {
                @Override
                public CheckResult correct(CheckOutcome.Correct correct) {
                    VerificationFlow verified = transaction.change(flow,
                            current -> current.ended(EndReason.CODE_VERIFIED, now));
                    transaction.emit(Kind.CODE_ACCEPTED, verified);
                    transaction.emitEnded(verified);
                    return new CheckResult.Verified(verified);
                }

                @Override
                public CheckResult wrongCode(CheckOutcome.WrongCode wrong) {
                    VerificationFlow next = transaction.change(flow,
                            current -> current.wrongCode(now, wrong.attemptsRemaining(), policy));
                    transaction.emit(Kind.CODE_REJECTED, next);
                    if (next.isTerminal()) {
                        transaction.emitEnded(next);
                        return new CheckResult.Failed(next);
                    }
                    return new CheckResult.WrongCode(next);
                }

                @Override
                public CheckResult tooManyAttempts(CheckOutcome.TooManyAttempts tooMany) {
                    VerificationFlow failed = transaction.change(flow, current -> current.failedOnWrongCode(now));
                    transaction.emit(Kind.CODE_REJECTED, failed);
                    transaction.emitEnded(failed);
                    return new CheckResult.Failed(failed);
                }

                @Override
                public CheckResult notFound(CheckOutcome.NotFound notFound) {
                    VerificationFlow ended = reconciler.reconcile(flow, transaction);
                    return switch (ended.state()) {
                        case VERIFIED -> new CheckResult.Verified(ended);
                        case FAILED -> new CheckResult.Failed(ended);
                        case EXPIRED, CANCELLED -> new CheckResult.Expired(ended);
                        case PENDING -> throw new IllegalStateException("a reconciled flow has ended");
                    };
                }
            });
        });
    }
}
