package dev.phoneverify.adapter.standin;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Stands in, for the sample applications, for one of the library's adapters (the fake, the Vonage adapter): a
 * class in {@code dev.phoneverify.adapter..} with a tester's control beside the port. The rules only read it.
 */
public final class StandInGateway implements VerificationGateway {
    private volatile String lastCodeSent = "";

    /** A control the real fake has too, and the reason a controller is tempted to import an adapter. */
    public String lastCodeSent() {
        return lastCodeSent;
    }

    @Override
    public GatewayCapabilities capabilities() {
        return new GatewayCapabilities(Set.of(Channel.SMS), Set.of(4), Workflow.of(Channel.SMS), false,
                Optional.empty(), false, false, false, false, CancelConstraints.anyTime(), false);
    }

    @Override
    public StartOutcome start(StartRequest request) {
        lastCodeSent = "1234";
        return new StartOutcome.Started(new RequestId("standin-1"), Channel.SMS, Instant.EPOCH.plusSeconds(600));
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        return code.value().equals(lastCodeSent) ? new CheckOutcome.Correct()
                : new CheckOutcome.WrongCode(OptionalInt.empty());
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        return new CancelOutcome.Cancelled();
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        return new AdvanceOutcome.NoStepsLeft();
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        return RequestStatus.UNKNOWN;
    }
}
