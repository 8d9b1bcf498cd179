package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.RequestStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One simulated request at one moment: an immutable value. Each transition returns the next value, and only
 * {@link RequestBook} keeps them, swapping a request's value whole.
 *
 * @param number       the request's phone number; empty when every step goes to an email address
 * @param to           each step's destination, in step order
 * @param step         the current delivery step, from 0
 * @param stepAt       when the current step started
 * @param codes        every code sent so far, the latest last
 * @param codeIssuedAt when the latest code was made
 * @param wrongCodes   wrong codes counted against the request (v1: against the latest code)
 */
record SimulatedRequest(RequestId id, Optional<PhoneNumber> number, List<String> to, Brand brand, Plan plan, Instant startedAt, int step,
                        Instant stepAt, List<String> codes, Instant codeIssuedAt, int wrongCodes,
                        RequestStatus status, Optional<Instant> finishedAt, List<RequestSnapshot.Event> events,
                        List<RequestSnapshot.Check> checks) {

    /** A request whose first step starts at {@code at} with {@code code}. */
    static SimulatedRequest started(RequestId id, PlannedStart start, Instant at, String code,
                                    RequestSnapshot.Event firstEvent) {
        return new SimulatedRequest(id, start.number(), start.to(), start.brand(), start.plan(), at, 0, at,
                List.of(code), at, 0,
                RequestStatus.IN_PROGRESS, Optional.empty(), List.of(firstEvent), List.of());
    }

    /** The distinct addresses the request holds while in flight. */
    List<String> addresses() {
        return to.stream().map(PlannedStart::key).distinct().toList();
    }

    Channel channel() {
        return plan.channels().get(step);
    }

    String code() {
        return codes.get(codes.size() - 1);
    }

    boolean inProgress() {
        return status == RequestStatus.IN_PROGRESS;
    }

    boolean atLastStep() {
        return step == plan.stepCount() - 1;
    }

    /** When the current step times out: the next step starts then or, after the last, the request expires. */
    Instant nextDueAt() {
        return stepAt.plus(plan.waits().get(step));
    }

    /** When the request ends if nobody acts. */
    Instant endsAt() {
        return stepAt.plus(plan.remainingFrom(step));
    }

    /** True when a step starting at {@code at} needs a new code. */
    boolean needsNewCodeAt(Instant at) {
        return plan.customCode().isEmpty()
                && plan.codeLifetime().map(lifetime -> !at.isBefore(codeIssuedAt.plus(lifetime))).orElse(true);
    }

    /**
     * The next step has started at {@code at}.
     *
     * @param newCode       the step's new code, if it brings one
     * @param freshAttempts true when a new code brings a fresh count of wrong codes
     */
    SimulatedRequest enteredStep(Instant at, Optional<String> newCode, boolean freshAttempts,
                                 RequestSnapshot.Event event) {
        List<String> nextCodes = newCode.map(code -> appended(codes, code)).orElse(codes);
        Instant issuedAt = newCode.isPresent() ? at : codeIssuedAt;
        int wrong = newCode.isPresent() && freshAttempts ? 0 : wrongCodes;
        return new SimulatedRequest(id, number, to, brand, plan, startedAt, step + 1, at, nextCodes, issuedAt, wrong,
                status, finishedAt, appended(events, event), checks);
    }

    /** A code was checked; a wrong one counts. */
    SimulatedRequest checked(RequestSnapshot.Check check) {
        return new SimulatedRequest(id, number, to, brand, plan, startedAt, step, stepAt, codes, codeIssuedAt,
                check.valid() ? wrongCodes : wrongCodes + 1, status, finishedAt, events, appended(checks, check));
    }

    /** The request ended at {@code at}. */
    SimulatedRequest finished(RequestStatus end, Instant at) {
        return new SimulatedRequest(id, number, to, brand, plan, startedAt, step, stepAt, codes, codeIssuedAt,
                wrongCodes, end, Optional.of(at), events, checks);
    }

    RequestSnapshot snapshot() {
        return new RequestSnapshot(id, number, to, brand.value(), status, startedAt, finishedAt, events, checks);
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list.size() + 1);
        longer.addAll(list);
        longer.add(item);
        return List.copyOf(longer);
    }
}
