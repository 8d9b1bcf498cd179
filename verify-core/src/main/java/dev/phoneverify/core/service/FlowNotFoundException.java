package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.FlowId;

/** No verification has this id (it never existed, or it ended long enough ago to be dropped). */
public final class FlowNotFoundException extends VerificationException {
    private static final long serialVersionUID = 1L;

    public FlowNotFoundException(FlowId id) {
        super("no verification with id " + id);
    }
}
