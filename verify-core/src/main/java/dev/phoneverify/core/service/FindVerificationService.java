package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.usecase.FindVerification;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Use case: read a flow, and sweep the flows whose time has passed. */
final class FindVerificationService implements FindVerification {
    private final FlowStore store;
    private final Clock clock;
    private final FlowTransactions transactions;

    FindVerificationService(Settings settings, FlowTransactions transactions) {
        this.store = settings.store();
        this.clock = settings.clock();
        this.transactions = transactions;
    }

    @Override
    public Optional<VerificationFlow> find(FlowId id) {
        return transactions.read(Objects.requireNonNull(id, "id"));
    }

    @Override
    public int expireDue(int limit) {
        int expired = 0;
        for (VerificationFlow due : store.pendingDueBy(clock.instant(), limit)) {
            if (transactions.expireIfDue(due.id())) {
                expired++;
            }
        }
        return expired;
    }
}
