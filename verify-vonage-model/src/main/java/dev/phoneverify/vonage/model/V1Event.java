package dev.phoneverify.vonage.model;

/** A delivery event of a Verify v1 workflow: a text message, or a text-to-speech call. */
public enum V1Event {
    SMS,
    TTS
}
