package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationFlow;
import java.util.Optional;

/** Driving port: read a flow, and expire the flows whose time has passed. */
public interface FindVerification {

    /** The flow with this id, expired first if its time has passed. */
    Optional<VerificationFlow> find(FlowId id);

    /**
     * Expires pending flows whose time has passed, at most {@code limit} of them, touching only those. Call it from
     * a scheduler so expiry events are emitted even for flows nobody looks at again.
     *
     * @return how many flows it expired
     */
    int expireDue(int limit);
}
