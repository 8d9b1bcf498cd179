package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.usecase.ApplyProviderStatus;
import dev.phoneverify.core.usecase.CancelResult;
import dev.phoneverify.core.usecase.CancelVerification;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.ConversionAlarm;
import dev.phoneverify.core.usecase.ConversionAlarmListener;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.StartVerification;
import dev.phoneverify.core.usecase.UpdateResult;
import dev.phoneverify.core.usecase.VerificationListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases of one verification setup behind one object: a thin facade that delegates each command to its
 * own use case, for apps that want a single thing to inject. Build it with {@link #builder()}.
 */
public final class Verifications implements StartVerification, CheckCode, CancelVerification, MoveToNextStep,
        FindVerification, ApplyProviderStatus {
    private final Settings settings;
    private final AbuseGuard abuseGuard;
    private final EventPublisher publisher;
    private final StartVerification starts;
    private final CheckCode checks;
    private final CancelVerification cancels;
    private final MoveToNextStep nextSteps;
    private final FindVerification finds;
    private final ApplyProviderStatus providerStatus;

    private Verifications(Settings settings, AbuseControls abuseControls, Optional<IdempotencyStore> idempotencyKeys,
                          Duration idempotencyWait) {
        this.settings = settings;
        this.abuseGuard = new AbuseGuard(abuseControls);
        this.publisher = new EventPublisher(abuseGuard);
        FlowTransactions transactions = new FlowTransactions(settings.store(), settings.clock(), publisher,
                abuseGuard);
        GatewayFit fit = new GatewayFit(settings.gateway().capabilities());
        Reconciler reconciler = new Reconciler(settings.gateway());
        this.starts = new IdempotentStarts(new StartVerificationService(settings, abuseGuard, fit, publisher),
                idempotencyKeys, settings.store(), settings.clock(), idempotencyWait);
        this.checks = new CheckCodeService(settings, transactions, reconciler);
        this.cancels = new CancelVerificationService(settings, transactions, reconciler, fit);
        this.nextSteps = new MoveToNextStepService(settings, transactions, reconciler, fit, abuseGuard);
        this.finds = new FindVerificationService(settings, transactions);
        this.providerStatus = new ProviderStatusService(settings, transactions);
    }

    /** A builder; gateway, flow store, abuse controls, brand and clock are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StartResult start(StartCommand command) {
        return starts.start(command);
    }

    @Override
    public CheckResult check(CheckCommand command) {
        return checks.check(command);
    }

    @Override
    public CancelResult cancel(FlowId id) {
        return cancels.cancel(id);
    }

    @Override
    public NextStepResult next(FlowId id) {
        return nextSteps.next(id);
    }

    @Override
    public Optional<VerificationFlow> find(FlowId id) {
        return finds.find(id);
    }

    @Override
    public int expireDue(int limit) {
        return finds.expireDue(limit);
    }

    @Override
    public UpdateResult apply(ProviderUpdate update) {
        return providerStatus.apply(update);
    }

    /** The rules every flow lives by. */
    public VerificationPolicy policy() {
        return settings.policy();
    }

    /** The workflow a start gets when it asks for none. */
    public Workflow defaultWorkflow() {
        return settings.defaultWorkflow();
    }

    /** What the gateway behind these use cases can do. */
    public GatewayCapabilities capabilities() {
        return settings.gateway().capabilities();
    }

    /** The conversion alarms raised now, with their current counts, for a health or metrics page. */
    public List<ConversionAlarm> raisedConversionAlarms() {
        return abuseGuard.raisedAlarms(settings.clock().instant());
    }

    public void addListener(VerificationListener listener) {
        publisher.addListener(listener);
    }

    public void removeListener(VerificationListener listener) {
        publisher.removeListener(listener);
    }

    public void addAlarmListener(ConversionAlarmListener listener) {
        publisher.addAlarmListener(listener);
    }

    public void removeAlarmListener(ConversionAlarmListener listener) {
        publisher.removeAlarmListener(listener);
    }

    /**
     * Collects the parts of a {@link Verifications}. Nothing has a hidden default but the policy
     * ({@link VerificationPolicy#defaults()}) and the workflow (the gateway's own): in particular the abuse
     * controls' stores are always named, so several instances never count in memory by mistake.
     */
    public static final class Builder {
        /** How long a start waits for a running start with its idempotency key, unless told otherwise. */
        public static final Duration DEFAULT_IDEMPOTENCY_WAIT = Duration.ofSeconds(10);

        private VerificationGateway gateway;
        private FlowStore flows;
        private AbuseControls abuseControls;
        private Brand brand;
        private Clock clock;
        private VerificationPolicy policy = VerificationPolicy.defaults();
        private Workflow defaultWorkflow;
        private IdempotencyStore idempotencyKeys;
        private Duration idempotencyWait = DEFAULT_IDEMPOTENCY_WAIT;

        private Builder() {
        }

        /**
         * Where the idempotency keys of starts are kept: needed before a start may carry one. In memory
         * ({@code InMemoryStores.idempotencyKeys}) for one instance; several instances share one store beside their
         * flows (the JDBC store's), or a retry reaching another instance would send a second code.
         */
        public Builder idempotencyKeys(IdempotencyStore store) {
            this.idempotencyKeys = Objects.requireNonNull(store, "idempotencyKeys");
            return this;
        }

        /**
         * How long a start waits for an earlier start with its idempotency key that is still running, before it is
         * refused as in progress; default {@link #DEFAULT_IDEMPOTENCY_WAIT}, zero refuses at once.
         */
        public Builder idempotencyWait(Duration wait) {
            if (Objects.requireNonNull(wait, "idempotencyWait").isNegative()) {
                throw new IllegalArgumentException("idempotencyWait cannot be negative");
            }
            this.idempotencyWait = wait;
            return this;
        }

        public Builder gateway(VerificationGateway provider) {
            this.gateway = Objects.requireNonNull(provider, "gateway");
            return this;
        }

        public Builder flows(FlowStore store) {
            this.flows = Objects.requireNonNull(store, "flows");
            return this;
        }

        /** The abuse controls and the stores they count in; {@link AbuseControls#off()} turns them off. */
        public Builder abuseControls(AbuseControls controls) {
            this.abuseControls = Objects.requireNonNull(controls, "abuseControls");
            return this;
        }

        public Builder brand(Brand name) {
            this.brand = Objects.requireNonNull(name, "brand");
            return this;
        }

        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "clock");
            return this;
        }

        public Builder policy(VerificationPolicy rules) {
            this.policy = Objects.requireNonNull(rules, "policy");
            return this;
        }

        /** The workflow a start gets when it asks for none; by default the gateway's own. */
        public Builder defaultWorkflow(Workflow workflow) {
            this.defaultWorkflow = Objects.requireNonNull(workflow, "defaultWorkflow");
            return this;
        }

        /**
         * The use cases.
         *
         * @throws IllegalStateException    a required part is missing
         * @throws IllegalArgumentException the gateway cannot do the policy's code length or the default workflow
         */
        public Verifications build() {
            require(gateway, "gateway");
            require(flows, "flows");
            require(abuseControls, "abuseControls");
            require(brand, "brand");
            require(clock, "clock");
            GatewayCapabilities capabilities = gateway.capabilities();
            Workflow workflow = defaultWorkflow != null ? defaultWorkflow : capabilities.defaultWorkflow();
            new GatewayFit(capabilities).missingFor(workflow, policy.codeLength()).ifPresent(missing -> {
                throw new IllegalArgumentException("the gateway cannot send workflow " + workflow + " with "
                        + policy.codeLength() + "-digit codes: it lacks " + missing);
            });
            return new Verifications(new Settings(gateway, flows, policy, brand, workflow, clock), abuseControls,
                    Optional.ofNullable(idempotencyKeys), idempotencyWait);
        }

        private static void require(Object part, String name) {
            if (part == null) {
                throw new IllegalStateException("Verifications.builder() needs " + name);
            }
        }
    }
}
