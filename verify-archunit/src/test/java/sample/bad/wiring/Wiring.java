package sample.bad.wiring;

import dev.phoneverify.adapter.standin.StandInGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import java.time.Clock;
import sample.bad.web.DevToolsController;

/** Names the adapter, as wiring may; the controllers it builds are what break the rules. */
public final class Wiring {
    private Wiring() {
    }

    public static DevToolsController devTools(Clock clock) {
        StandInGateway gateway = new StandInGateway();
        Verifications.builder()
                .gateway(gateway)
                .flows(InMemoryStores.flows(clock))
                .abuseControls(InMemoryStores.defaultAbuseControls())
                .brand(new Brand("Acme"))
                .clock(clock)
                .build();
        return new DevToolsController(gateway);
    }
}
