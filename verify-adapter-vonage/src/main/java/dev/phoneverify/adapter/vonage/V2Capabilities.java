package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.vonage.model.V2Rules;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the Verify v2 gateway can do, from the model's v2 rules and the configured senders. */
final class V2Capabilities {
    /** SMS, then a call: what a start gets when it names no workflow. */
    static final Workflow DEFAULT_WORKFLOW = Workflow.of(Channel.SMS, Channel.VOICE);

    private V2Capabilities() {
    }

    /**
     * SMS, voice and email, WhatsApp when a sender is configured; 4 to 10 digits; any workflow of one to three
     * steps, each 15 to 900 s; custom codes of letters and digits (facts 2.3 {@code code}) and client references;
     * pushed status, no lookup; cancel at any time (facts 2.6: nothing documents a refusal); next step.
     */
    static GatewayCapabilities of(VonageV2Config config) {
        Set<Channel> channels = EnumSet.of(Channel.SMS, Channel.VOICE, Channel.EMAIL);
        config.whatsappFrom().ifPresent(sender -> channels.add(Channel.WHATSAPP));
        Set<Integer> codeLengths = IntStream.rangeClosed(V2Rules.MIN_CODE_LENGTH, V2Rules.MAX_CODE_LENGTH).boxed()
                .collect(Collectors.toSet());
        return new GatewayCapabilities(channels, codeLengths, DEFAULT_WORKFLOW, true,
                Optional.of(new GatewayCapabilities.StepTimeoutRange(V2Rules.MIN_CHANNEL_TIMEOUT,
                        V2Rules.MAX_CHANNEL_TIMEOUT)),
                true, true, false, true, CancelConstraints.anyTime(), true, CodeAlphabet.LETTERS_AND_DIGITS);
    }
}
