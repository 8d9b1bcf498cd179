package sample.good.own.sms;

import com.vonage.client.VonageClient;
import com.vonage.client.verify.VerifyClient;
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
import java.util.Optional;
import java.util.Set;

/** The team's own adapter over the provider's SDK, in the package it names as its adapter: allowed. */
public final class AcmeVonageGateway implements VerificationGateway {
    private final VerifyClient verify;

    public AcmeVonageGateway(VonageClient vonage) {
        this.verify = vonage.getVerifyClient();
    }

    @Override
    public GatewayCapabilities capabilities() {
        return new GatewayCapabilities(Set.of(Channel.SMS), Set.of(4), Workflow.of(Channel.SMS), false,
                Optional.empty(), false, false, false, false, CancelConstraints.anyTime(), false);
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
