package sample.good.plain.wiring;

import dev.phoneverify.adapter.standin.StandInGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import java.time.Clock;
import sample.good.plain.audit.AuditTrail;
import sample.good.plain.web.SignupController;

/** The one place that names an adapter. */
public final class Wiring {
    private Wiring() {
    }

    public static SignupController signup(Clock clock) {
        Verifications verifications = Verifications.builder()
                .gateway(new StandInGateway())
                .flows(InMemoryStores.flows(clock))
                .abuseControls(InMemoryStores.defaultAbuseControls())
                .brand(new Brand("Acme"))
                .clock(clock)
                .build();
        verifications.addListener(new AuditTrail());
        return new SignupController(verifications, verifications);
    }
}
