package sample.good.own.wiring;

import com.vonage.client.VonageClient;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import java.time.Clock;
import sample.good.own.sms.AcmeVonageGateway;
import sample.good.own.sms.LoggingGateway;
import sample.good.own.web.CancelController;

/** Wires the team's adapter; it needs the SDK's client, so the team names this package an adapter package too. */
public final class Wiring {
    private Wiring() {
    }

    public static CancelController cancel(VonageClient vonage, Clock clock) {
        Verifications verifications = Verifications.builder()
                .gateway(new LoggingGateway(new AcmeVonageGateway(vonage)))
                .flows(InMemoryStores.flows(clock))
                .abuseControls(InMemoryStores.defaultAbuseControls())
                .brand(new Brand("Acme"))
                .clock(clock)
                .build();
        return new CancelController(verifications);
    }
}
