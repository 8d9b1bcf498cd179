package dev.phoneverify.adapter.fake;

/** Which Vonage Verify API a fake follows; chosen when the fake is built. */
public enum FakeProfile {
    /**
     * Verify v1 (the default): workflows 1-7 and their timings, SMS and voice, 4 or 6 digits, status lookup,
     * cancel only from 30 s and before the second event (facts §1.4-1.6).
     */
    V1,
    /**
     * Verify v2: one to three steps of SMS, voice, WhatsApp or email, each lasting {@code channel_timeout}, a new
     * code per step, no status lookup, and status pushed to a listener the tester wires (facts §2.6-2.8).
     */
    V2
}
