package sample.good.own.sms;

import com.vonage.client.VonageClient;
import com.vonage.client.verify2.Verify2Client;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The team's own adapter over the provider's SDK, in the package it names as its adapter: allowed. */
public final class AcmeVonageGateway implements VerificationGateway {
    private final Verify2Client verify;

    public AcmeVonageGateway(VonageClient vonage) {
        this.verify = vonage.getVerify2Client();
    }

    @Override
    public GatewayCapabilities capabilities() {
        // SMS, then voice twice; cancel only after 30 s and before the second step.
        return new GatewayCapabilities(Set.of(Channel.SMS, Channel.VOICE), Set.of(4, 6),
                Workflow.of(Channel.SMS, Channel.VOICE, Channel.VOICE), false, Optional.empty(), false, false, true,
                false, new CancelConstraints(true, Duration.ofSeconds(30), true), true);
    }

    @Override
    public StartOutcome start(StartRequest request) {
        throw notWired();
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        throw notWired();
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        throw notWired();
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        throw notWired();
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        throw notWired();
    }

    /** The sample is only read by the rules, never run against an account. */
    private GatewayException notWired() {
        return new GatewayException(GatewayException.Reason.MISCONFIGURED, "sample adapter over " + verify);
    }
}
