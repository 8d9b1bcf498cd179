package dev.phoneverify.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.Results;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Random command sequences against a simulated provider; after every command the flow invariants hold: wrong
 * attempts never exceed the policy, VERIFIED only after a correct code, a finished flow never changes and its
 * commands never reach the provider.
 */
class VerificationsPropertiesTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final VerificationCode RIGHT = VerificationCode.parse(SimulatedProvider.CODE);
    private static final VerificationCode WRONG = VerificationCode.parse("9999");

    /** One user command; {@code seconds} is used only by {@link Kind#ADVANCE_CLOCK}. */
    record Command(Kind kind, int seconds) {
        @Override
        public String toString() {
            return kind == Kind.ADVANCE_CLOCK ? "wait " + seconds + "s" : kind.name();
        }
    }

    enum Kind { START, CHECK_RIGHT, CHECK_WRONG, CANCEL, NEXT, ADVANCE_CLOCK }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<Command> plain = Arbitraries.of(Kind.START, Kind.CHECK_RIGHT, Kind.CHECK_WRONG, Kind.CHECK_WRONG,
                Kind.CANCEL, Kind.NEXT).map(kind -> new Command(kind, 0));
        Arbitrary<Command> wait = Arbitraries.integers().between(1, 400).map(s -> new Command(Kind.ADVANCE_CLOCK, s));
        return Arbitraries.frequencyOf(Tuple.of(5, plain), Tuple.of(1, wait)).list().ofMaxSize(40);
    }

    @Property(tries = 400)
    void invariantsHoldForAnySequenceOfCommands(@ForAll("commands") List<Command> commands,
                                                @ForAll @IntRange(min = 1, max = 10) int maxWrongAttempts) {
        MutableClock clock = new MutableClock();
        SimulatedProvider provider = new SimulatedProvider(clock);
        // Retention longer than any sequence, so finished flows stay readable for the invariants.
        InMemoryFlowStore store = new InMemoryFlowStore(clock, Duration.ofDays(1));
        VerificationPolicy policy = VerificationPolicy.defaults().withMaxWrongAttempts(maxWrongAttempts);
        Verifications service = Verifications.builder().gateway(provider).flows(store)
                .abuseControls(AbuseControls.off()).brand(new Brand("Acme")).clock(clock).policy(policy).build();
        List<FlowId> flows = new ArrayList<>();
        Map<FlowId, FlowState> finishedAs = new HashMap<>();
        Set<FlowId> correctCodeSent = new HashSet<>();

        flows.add(Results.started(service.start(StartCommand.to(NUMBER))).id());
        for (Command command : commands) {
            FlowId target = flows.get(flows.size() - 1);
            VerificationFlow before = store.find(target).orElseThrow();
            boolean finishedBefore = before.isTerminal() || before.isDueToExpire(clock.instant());
            int callsBefore = provider.calls();

            // Refusals are ordinary answers here; the invariants below say whether they were right.
            switch (command.kind()) {
                case START -> {
                    StartResult started = service.start(StartCommand.to(NUMBER));
                    if (started instanceof StartResult.Started flow) {
                        flows.add(flow.flow().id());
                    }
                }
                case CHECK_RIGHT -> {
                    if (!finishedBefore) {
                        correctCodeSent.add(target);
                    }
                    service.check(new CheckCommand(target, RIGHT));
                }
                case CHECK_WRONG -> service.check(new CheckCommand(target, WRONG));
                case CANCEL -> service.cancel(target);
                case NEXT -> service.next(target);
                case ADVANCE_CLOCK -> clock.advance(Duration.ofSeconds(command.seconds()));
            }

            if (finishedBefore && command.kind() != Kind.START && command.kind() != Kind.ADVANCE_CLOCK) {
                assertThat(provider.calls()).as("gateway calls for a finished flow after %s", command)
                        .isEqualTo(callsBefore);
            }
            for (FlowId id : flows) {
                VerificationFlow flow = service.find(id).orElseThrow();
                assertThat(flow.wrongAttempts()).as("wrong attempts").isLessThanOrEqualTo(maxWrongAttempts);
                if (flow.state() == FlowState.VERIFIED) {
                    assertThat(correctCodeSent).as("VERIFIED only after a correct code").contains(id);
                }
                FlowState earlier = finishedAs.get(id);
                if (earlier != null) {
                    assertThat(flow.state()).as("a finished flow never changes").isEqualTo(earlier);
                } else if (flow.isTerminal()) {
                    finishedAs.put(id, flow.state());
                }
            }
        }
    }
}
