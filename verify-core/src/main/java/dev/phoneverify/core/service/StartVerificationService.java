package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.Booked;
import dev.phoneverify.core.port.Bookkeeping;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.StartVerification;
import dev.phoneverify.core.usecase.VerificationEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use case: start. Checks the gateway can do what is asked, passes the abuse controls, asks the provider, and
 * stores the new flow. A start whose answer was lost is adopted by the retry that hears "already in flight".
 */
final class StartVerificationService implements StartVerification {
    private final VerificationGateway gateway;
    private final FlowStore store;
    private final VerificationPolicy policy;
    private final Brand brand;
    private final Workflow defaultWorkflow;
    private final Clock clock;
    private final AbuseGuard abuseGuard;
    private final GatewayFit fit;
    private final EventPublisher publisher;
    private final LostStarts lostStarts;

    StartVerificationService(Settings settings, AbuseGuard abuseGuard, GatewayFit fit, EventPublisher publisher) {
        this.gateway = settings.gateway();
        this.store = settings.store();
        this.policy = settings.policy();
        this.brand = settings.brand();
        this.defaultWorkflow = settings.defaultWorkflow();
        this.clock = settings.clock();
        this.abuseGuard = abuseGuard;
        this.fit = fit;
        this.publisher = publisher;
        this.lostStarts = new LostStarts(policy.maxLifetime());
    }

    @Override
    public StartResult start(StartCommand command) {
        Workflow workflow = command.workflow().orElse(defaultWorkflow);
        Optional<Refusal> unsupported = fit.refusalFor(command, workflow, policy.codeLength());
        if (unsupported.isPresent()) {
            return new StartResult.Refused(unsupported.get());
        }
        StartRequest request = new StartRequest(command.number(), brand, policy.codeLength(), workflow,
                command.email(), command.clientReference(), command.customCode(), command.locale());
        Optional<Refusal.RateLimited> limited = abuseGuard.beforeStart(command.number(), command.client(),
                clock.instant());
        if (limited.isPresent()) {
            return new StartResult.Refused(limited.get());
        }
        StartOutcome outcome;
        try {
            outcome = gateway.start(request);
        } catch (GatewayException e) {
            if (e.reason() != GatewayException.Reason.MISCONFIGURED && e.reason() != GatewayException.Reason.THROTTLED) {
                lostStarts.remember(command.number(), clock.instant());
            }
            throw e;
        }
        return outcome.accept(new StartOutcome.Visitor<>() {
            @Override
            public StartResult started(StartOutcome.Started started) {
                lostStarts.forget(command.number());
                Instant now = clock.instant();
                return begin(VerificationFlow.started(FlowId.random(), command.number(), started.requestId(),
                        started.channel(), now, started.requestEndsAt(), policy), now);
            }

            @Override
            public StartResult rejected(StartOutcome.Rejected rejected) {
                return new StartResult.Refused(new Refusal.NumberRejected(rejected.reason()));
            }

            @Override
            public StartResult concurrentVerification(StartOutcome.ConcurrentVerification concurrent) {
                return adoptLostStart(command.number(), workflow, concurrent)
                        .orElseGet(() -> new StartResult.Refused(new Refusal.ConcurrentVerification()));
            }
        });
    }

    /** The request in flight is the one a lost start created, if that start was lost recently. */
    private Optional<StartResult> adoptLostStart(PhoneNumber number, Workflow workflow,
                                                 StartOutcome.ConcurrentVerification concurrent) {
        return lostStarts.take(number, clock.instant()).map(lostAt -> begin(VerificationFlow.started(FlowId.random(),
                number, concurrent.inFlight(), workflow.firstChannel(), lostAt, lostAt.plus(policy.maxLifetime()),
                policy), lostAt));
    }

    /**
     * Stores a new flow whose code the provider sent at {@code sentAt}. If the store fails, the start is remembered
     * as lost, so the retry adopts the request rather than refuse the number until it expires.
     */
    private StartResult begin(VerificationFlow flow, Instant sentAt) {
        Instant at = clock.instant();
        Bookkeeping books = abuseGuard.booksFor(VerificationEvent.Kind.STARTED, flow, at);
        Booked booked;
        try {
            // The start's conversion count rides along with the insert where the store can.
            booked = store.insert(flow, books);
        } catch (StoreUnavailableException e) {
            lostStarts.remember(flow.number(), sentAt);
            throw e;
        }
        publisher.publish(List.of(new VerificationEvent(VerificationEvent.Kind.STARTED, flow, at)),
                List.of(new AbuseGuard.Settlement(books, booked, flow.number(), at)));
        return new StartResult.Started(flow);
    }
}
