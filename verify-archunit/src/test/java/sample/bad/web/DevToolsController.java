package sample.bad.web;

import dev.phoneverify.adapter.standin.StandInGateway;

/** Breaks "adapters are imported only by the wiring": it reaches into the adapter for the last code. */
public final class DevToolsController {
    private final StandInGateway gateway;

    public DevToolsController(StandInGateway gateway) {
        this.gateway = gateway;
    }

    public String lastCode() {
        return gateway.lastCodeSent();
    }
}
