package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Clock;

/** What every use case is built from, checked once by {@link Verifications.Builder}. */
record Settings(VerificationGateway gateway, FlowStore store, VerificationPolicy policy, Brand brand,
                Workflow defaultWorkflow, Clock clock) {
}
