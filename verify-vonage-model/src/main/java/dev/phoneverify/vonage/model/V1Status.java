package dev.phoneverify.vonage.model;

import java.util.Optional;

/**
 * Verify v1's numeric statuses and what each means (facts 1.5). Match on the number, never on {@code error_text}:
 * live wording differs from the documents.
 */
public enum V1Status {
    OK(0, "Success"),
    THROTTLED(1, "Throttled: more than 30 requests per second"),
    MISSING_PARAMS(2, "A mandatory parameter is missing"),
    INVALID_PARAMS(3, "Invalid value for a parameter"),
    INVALID_CREDENTIALS(4, "Invalid credentials"),
    INTERNAL_ERROR(5, "Internal error"),
    INVALID_REQUEST(6, "The request was not found, was verified already, or is no longer active"),
    NUMBER_BARRED(7, "The number is barred"),
    PARTNER_ACCOUNT_BARRED(8, "The account is barred"),
    PARTNER_QUOTA_EXCEEDED(9, "Not enough credit"),
    ALREADY_REQUESTED(10, "Concurrent verifications to the same number are not allowed"),
    UNSUPPORTED_NETWORK(15, "The destination network is not supported"),
    INVALID_CODE(16, "The code inserted does not match the expected value"),
    WRONG_CODE_THROTTLED(17, "The wrong code was provided too many times. Request terminated"),
    TOO_MANY_REQUEST_IDS(18, "Too many request_ids provided"),
    WAIT_FOR_COMPLETION(19, "The control command cannot be carried out now"),
    UNSUPPORTED_PIN_CODE(20, "The account may not use pin_code"),
    NON_PERMITTED_DESTINATION(29, "The account may not send to this destination"),
    SEARCH_NOT_FOUND(101, "No response found");

    private final int code;
    private final String meaning;

    V1Status(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The status number Vonage sends (as a JSON string). */
    public int code() {
        return code;
    }

    /** What the status means, in the words of Vonage's documents; fit for an {@code error_text}. */
    public String meaning() {
        return meaning;
    }

    /** The status with this number, if Vonage documents one. */
    public static Optional<V1Status> byCode(int code) {
        for (V1Status status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
