package dev.phoneverify.adapter.vonage;

import com.vonage.client.verify.VerifyRequest;
import com.vonage.client.verify.Workflow;
import dev.phoneverify.core.port.StartRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns a port start into the SDK's Verify v1 request, with the configured workflow, timings and sender. */
final class V1Requests {
    private final VonageConfig config;
    private final V1Plan plan;
    private final Set<Integer> codeLengths;
    @SuppressWarnings("deprecation") // Verify v1 is deprecated in the SDK, yet it is the flow this gateway follows.
    private final Workflow workflow;

    V1Requests(VonageConfig config, V1Plan plan, Set<Integer> codeLengths) {
        this.config = config;
        this.plan = plan;
        this.codeLengths = codeLengths;
        this.workflow = sdkWorkflow(config.timings().workflow().id());
    }

    /** The use cases never ask for what the capabilities leave out; a caller that does has a bug. */
    void requireFit(StartRequest request) {
        if (!request.workflow().channels().equals(plan.workflow().channels()) || request.workflow().hasStepTimeouts()) {
            throw new IllegalArgumentException("this Vonage v1 gateway runs workflow " + plan.workflow()
                    + " (workflow_id " + config.timings().workflow().id() + ") only, not " + request.workflow());
        }
        if (!codeLengths.contains(request.codeLength())) {
            throw new IllegalArgumentException("Vonage v1 sends codes of " + codeLengths + " digits, not "
                    + request.codeLength());
        }
        if (request.customCode().isPresent() || request.clientReference().isPresent()) {
            throw new IllegalArgumentException("Vonage v1 takes neither a custom code nor a client reference");
        }
    }

    /**
     * The SDK's request.
     *
     * @throws IllegalArgumentException the SDK refuses the number ({@code [1-9]\d{6,14}})
     */
    @SuppressWarnings("deprecation")
    VerifyRequest toSdk(StartRequest request) {
        VerifyRequest.Builder builder = VerifyRequest.builder(request.number().digits(), request.brand().value())
                .length(request.codeLength())
                .workflow(workflow);
        config.senderId().ifPresent(builder::senderId);
        localeFor(request).ifPresent(builder::locale);
        config.timings().pinExpiry().ifPresent(wait -> builder.pinExpiry(Math.toIntExact(wait.getSeconds())));
        config.timings().nextEventWait().ifPresent(wait -> builder.nextEventWait(Math.toIntExact(wait.getSeconds())));
        return builder.build();
    }

    /** The request's language when Verify v1 serves it, else the configured one (else Vonage follows the number). */
    private Optional<Locale> localeFor(StartRequest request) {
        return request.locale().filter(VonageConfig::isVonageLocale).or(config::locale);
    }

    @SuppressWarnings("deprecation")
    private static Workflow sdkWorkflow(int id) {
        for (Workflow candidate : Workflow.values()) {
            if (candidate.getId() == id) {
                return candidate;
            }
        }
        throw new IllegalStateException("the SDK has no workflow_id " + id);
    }
}
