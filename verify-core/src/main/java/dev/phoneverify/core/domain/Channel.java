package dev.phoneverify.core.domain;

/** How a code reaches the user. */
public enum Channel {
    /** A text message. */
    SMS,
    /** A text-to-speech phone call. */
    VOICE
}
