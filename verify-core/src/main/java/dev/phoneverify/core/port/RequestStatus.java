package dev.phoneverify.core.port;

/** A provider request's state as a status lookup reports it. */
public enum RequestStatus {
    IN_PROGRESS,
    VERIFIED,
    FAILED,
    EXPIRED,
    CANCELLED,
    /** The provider does not know the request, or cannot say yet (Vonage search 101). */
    UNKNOWN
}
