package dev.phoneverify.adapter.vonage;

import static com.vonage.client.verify.VerifyStatus.ALREADY_REQUESTED;
import static com.vonage.client.verify.VerifyStatus.INTERNAL_ERROR;
import static com.vonage.client.verify.VerifyStatus.INVALID_CODE;
import static com.vonage.client.verify.VerifyStatus.INVALID_CREDENTIALS;
import static com.vonage.client.verify.VerifyStatus.INVALID_PARAMS;
import static com.vonage.client.verify.VerifyStatus.INVALID_REQUEST;
import static com.vonage.client.verify.VerifyStatus.MISSING_PARAMS;
import static com.vonage.client.verify.VerifyStatus.NON_PERMITTED_DESTINATION;
import static com.vonage.client.verify.VerifyStatus.NUMBER_BARRED;
import static com.vonage.client.verify.VerifyStatus.OK;
import static com.vonage.client.verify.VerifyStatus.PARTNER_ACCOUNT_BARRED;
import static com.vonage.client.verify.VerifyStatus.PARTNER_QUOTA_EXCEEDED;
import static com.vonage.client.verify.VerifyStatus.THROTTLED;
import static com.vonage.client.verify.VerifyStatus.UNKNOWN;
import static com.vonage.client.verify.VerifyStatus.UNSUPPORTED_NETWORK;
import static com.vonage.client.verify.VerifyStatus.WAIT_FOR_COMPLETION;
import static com.vonage.client.verify.VerifyStatus.WRONG_CODE_THROTTLED;

import com.vonage.client.verify.VerifyDetails;
import com.vonage.client.verify.VerifyStatus;
import dev.phoneverify.core.port.GatewayException.Reason;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome.RejectionReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every Vonage Verify v1 status (facts 1.5) and what it means for each operation, in one place.
 *
 * <p>Each operation has a table from the SDK's {@link VerifyStatus} to an answer. An answer is either an outcome
 * kind or a failure reason; a status not listed for an operation is unexpected there and is read as
 * {@code MISCONFIGURED} (not retryable), so an unknown status never passes as success. The SDK folds unknown numbers
 * (18, 101, anything new) into {@link VerifyStatus#UNKNOWN}, and a non-numeric status into {@code INTERNAL_ERROR}.
 */
final class VonageStatusMapping {

    /** Answers to a start ({@code /verify/json}). */
    enum Start {
        STARTED, IN_FLIGHT,
        INVALID_NUMBER(RejectionReason.INVALID_NUMBER, "the provider says this is not a valid phone number"),
        BARRED(RejectionReason.BARRED, "the provider has blocked verifications to this number"),
        UNSUPPORTED_NETWORK(RejectionReason.UNSUPPORTED_NETWORK, "the provider does not serve this number's network"),
        DESTINATION_NOT_PERMITTED(RejectionReason.DESTINATION_NOT_PERMITTED,
                "this account may not send to this number (for example a demo account)"),
        FAIL_THROTTLED(Reason.THROTTLED), FAIL_UNAVAILABLE(Reason.UNAVAILABLE), FAIL_MISCONFIGURED(Reason.MISCONFIGURED);

        final RejectionReason rejection;
        final String detail;
        final Reason failure;

        Start() {
            this(null, null, null);
        }

        Start(RejectionReason rejection, String detail) {
            this(rejection, detail, null);
        }

        Start(Reason failure) {
            this(null, null, failure);
        }

        Start(RejectionReason rejection, String detail, Reason failure) {
            this.rejection = rejection;
            this.detail = detail;
            this.failure = failure;
        }
    }

    /** Answers to a code check ({@code /verify/check/json}). */
    enum Check {
        CORRECT, WRONG_CODE, TOO_MANY_ATTEMPTS, NOT_FOUND,
        FAIL_THROTTLED(Reason.THROTTLED), FAIL_UNAVAILABLE(Reason.UNAVAILABLE), FAIL_MISCONFIGURED(Reason.MISCONFIGURED);

        final Reason failure;

        Check() {
            this(null);
        }

        Check(Reason failure) {
            this.failure = failure;
        }
    }

    /** Answers to a control command ({@code /verify/control/json}): cancel or trigger_next_event. */
    enum Control {
        DONE, REFUSED_NOW, NOT_FOUND,
        FAIL_THROTTLED(Reason.THROTTLED), FAIL_UNAVAILABLE(Reason.UNAVAILABLE), FAIL_MISCONFIGURED(Reason.MISCONFIGURED);

        final Reason failure;

        Control() {
            this(null);
        }

        Control(Reason failure) {
            this.failure = failure;
        }
    }

    /** Answers to a search ({@code /verify/search/json}) that came back with an error status. */
    enum SearchError {
        NOT_KNOWN,
        FAIL_THROTTLED(Reason.THROTTLED), FAIL_UNAVAILABLE(Reason.UNAVAILABLE), FAIL_MISCONFIGURED(Reason.MISCONFIGURED);

        final Reason failure;

        SearchError() {
            this(null);
        }

        SearchError(Reason failure) {
            this.failure = failure;
        }
    }

    //                          status                     -> answer
    private static final Map<VerifyStatus, Start> START = table(VerifyStatus.class, Start.FAIL_MISCONFIGURED,
            OK,                         Start.STARTED,
            ALREADY_REQUESTED,          Start.IN_FLIGHT,                 // 10: carries the in-flight request_id
            INVALID_PARAMS,             Start.INVALID_NUMBER,            // 3
            NUMBER_BARRED,              Start.BARRED,                    // 7
            UNSUPPORTED_NETWORK,        Start.UNSUPPORTED_NETWORK,       // 15
            NON_PERMITTED_DESTINATION,  Start.DESTINATION_NOT_PERMITTED, // 29
            THROTTLED,                  Start.FAIL_THROTTLED,            // 1
            INTERNAL_ERROR,             Start.FAIL_UNAVAILABLE);         // 5
    // 2 missing params, 4 credentials, 6 not routable, 8 account barred, 9 no credit, 20 pin_code not allowed,
    // UNKNOWN and the rest: the default, MISCONFIGURED.

    private static final Map<VerifyStatus, Check> CHECK = table(VerifyStatus.class, Check.FAIL_MISCONFIGURED,
            OK,                         Check.CORRECT,
            INVALID_CODE,               Check.WRONG_CODE,                // 16
            WRONG_CODE_THROTTLED,       Check.TOO_MANY_ATTEMPTS,         // 17
            INVALID_REQUEST,            Check.NOT_FOUND,                 // 6: unknown, verified already, or ended
            THROTTLED,                  Check.FAIL_THROTTLED,            // 1
            INTERNAL_ERROR,             Check.FAIL_UNAVAILABLE);         // 5

    private static final Map<VerifyStatus, Control> CONTROL = table(VerifyStatus.class, Control.FAIL_MISCONFIGURED,
            OK,                         Control.DONE,
            WAIT_FOR_COMPLETION,        Control.REFUSED_NOW,             // 19: cancel too early/late; no step left
            INVALID_REQUEST,            Control.NOT_FOUND,               // 6
            THROTTLED,                  Control.FAIL_THROTTLED,          // 1
            INTERNAL_ERROR,             Control.FAIL_UNAVAILABLE);       // 5

    private static final Map<VerifyStatus, SearchError> SEARCH_ERROR = table(VerifyStatus.class,
            SearchError.NOT_KNOWN,                                       // 101 (as UNKNOWN), 6, 3, 18 and the rest
            THROTTLED,                  SearchError.FAIL_THROTTLED,      // 1
            INTERNAL_ERROR,             SearchError.FAIL_UNAVAILABLE,    // 5
            MISSING_PARAMS,             SearchError.FAIL_MISCONFIGURED,  // 2
            INVALID_CREDENTIALS,        SearchError.FAIL_MISCONFIGURED,  // 4
            PARTNER_ACCOUNT_BARRED,     SearchError.FAIL_MISCONFIGURED,  // 8
            PARTNER_QUOTA_EXCEEDED,     SearchError.FAIL_MISCONFIGURED); // 9

    private static final Map<VerifyDetails.Status, RequestStatus> SEARCH_FOUND = table(VerifyDetails.Status.class,
            RequestStatus.UNKNOWN,                                       // INVALID ("101") and anything new
            VerifyDetails.Status.IN_PROGRESS, RequestStatus.IN_PROGRESS,
            VerifyDetails.Status.SUCCESS,     RequestStatus.VERIFIED,
            VerifyDetails.Status.FAILED,      RequestStatus.FAILED,
            VerifyDetails.Status.EXPIRED,     RequestStatus.EXPIRED,
            VerifyDetails.Status.CANCELLED,   RequestStatus.CANCELLED);

    private VonageStatusMapping() {
    }

    static Start start(VerifyStatus status) {
        return START.get(orUnknown(status));
    }

    static Check check(VerifyStatus status) {
        return CHECK.get(orUnknown(status));
    }

    static Control control(VerifyStatus status) {
        return CONTROL.get(orUnknown(status));
    }

    static SearchError searchError(VerifyStatus status) {
        return SEARCH_ERROR.get(orUnknown(status));
    }

    static RequestStatus searchFound(VerifyDetails.Status status) {
        return status == null ? RequestStatus.UNKNOWN : SEARCH_FOUND.get(status);
    }

    private static VerifyStatus orUnknown(VerifyStatus status) {
        return status == null ? UNKNOWN : status;
    }

    /** An EnumMap with every key set to {@code fallback}, then the given key/answer pairs on top. */
    @SuppressWarnings("unchecked")
    private static <K extends Enum<K>, V> Map<K, V> table(Class<K> keys, V fallback, Object... pairs) {
        Map<K, V> table = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            table.put(key, fallback);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(keys.cast(pairs[i]), (V) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(table);
    }
}
