package dev.phoneverify.adapter.vonage;

import static dev.phoneverify.vonage.model.V1Status.ALREADY_REQUESTED;
import static dev.phoneverify.vonage.model.V1Status.INTERNAL_ERROR;
import static dev.phoneverify.vonage.model.V1Status.INVALID_CODE;
import static dev.phoneverify.vonage.model.V1Status.INVALID_CREDENTIALS;
import static dev.phoneverify.vonage.model.V1Status.INVALID_PARAMS;
import static dev.phoneverify.vonage.model.V1Status.INVALID_REQUEST;
import static dev.phoneverify.vonage.model.V1Status.MISSING_PARAMS;
import static dev.phoneverify.vonage.model.V1Status.NON_PERMITTED_DESTINATION;
import static dev.phoneverify.vonage.model.V1Status.NUMBER_BARRED;
import static dev.phoneverify.vonage.model.V1Status.OK;
import static dev.phoneverify.vonage.model.V1Status.PARTNER_ACCOUNT_BARRED;
import static dev.phoneverify.vonage.model.V1Status.PARTNER_QUOTA_EXCEEDED;
import static dev.phoneverify.vonage.model.V1Status.THROTTLED;
import static dev.phoneverify.vonage.model.V1Status.UNSUPPORTED_NETWORK;
import static dev.phoneverify.vonage.model.V1Status.WAIT_FOR_COMPLETION;
import static dev.phoneverify.vonage.model.V1Status.WRONG_CODE_THROTTLED;

import com.vonage.client.verify.VerifyDetails;
import com.vonage.client.verify.VerifyStatus;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.vonage.model.V1Status;
import java.util.Map;
import java.util.Optional;

/**
 * Every Vonage Verify v1 status (facts 1.5, the model's {@link V1Status}) and what it means for each operation, in
 * one place.
 *
 * <p>Each operation has a table from a status to an answer. An answer is an outcome kind or a failure; a status not
 * listed for an operation is unexpected there and is read as {@code MISCONFIGURED} (not retryable), so an unknown
 * status never passes as success. The SDK folds numbers it does not know (18, 101, anything new) into
 * {@link VerifyStatus#UNKNOWN}, which no table lists, and a non-numeric status into {@code INTERNAL_ERROR}.
 */
final class VonageStatusMapping {

    /** Answers to a start ({@code /verify/json}). */
    enum Start {
        STARTED, IN_FLIGHT, INVALID_NUMBER, BARRED, UNSUPPORTED_NETWORK, DESTINATION_NOT_PERMITTED,
        FAIL_THROTTLED, FAIL_UNAVAILABLE, FAIL_MISCONFIGURED
    }

    /** Answers to a code check ({@code /verify/check/json}). */
    enum Check {
        CORRECT, WRONG_CODE, TOO_MANY_ATTEMPTS, NOT_FOUND,
        FAIL_THROTTLED, FAIL_UNAVAILABLE, FAIL_MISCONFIGURED
    }

    /** Answers to a control command ({@code /verify/control/json}): cancel or trigger_next_event. */
    enum Control {
        DONE, REFUSED_NOW, NOT_FOUND,
        FAIL_THROTTLED, FAIL_UNAVAILABLE, FAIL_MISCONFIGURED
    }

    /** Answers to a search ({@code /verify/search/json}) that came back with an error status. */
    enum SearchError {
        NOT_KNOWN,
        FAIL_THROTTLED, FAIL_UNAVAILABLE, FAIL_MISCONFIGURED
    }

    // Everything else on a start (missing params, credentials, not routable, account barred, no credit, pin_code not
    // allowed, unknown): MISCONFIGURED.
    private static final Map<V1Status, Start> START = Map.of(
            OK,                         Start.STARTED,
            ALREADY_REQUESTED,          Start.IN_FLIGHT,                 // carries the in-flight request_id
            INVALID_PARAMS,             Start.INVALID_NUMBER,
            NUMBER_BARRED,              Start.BARRED,
            UNSUPPORTED_NETWORK,        Start.UNSUPPORTED_NETWORK,
            NON_PERMITTED_DESTINATION,  Start.DESTINATION_NOT_PERMITTED,
            THROTTLED,                  Start.FAIL_THROTTLED,
            INTERNAL_ERROR,             Start.FAIL_UNAVAILABLE);

    private static final Map<V1Status, Check> CHECK = Map.of(
            OK,                         Check.CORRECT,
            INVALID_CODE,               Check.WRONG_CODE,
            WRONG_CODE_THROTTLED,       Check.TOO_MANY_ATTEMPTS,
            INVALID_REQUEST,            Check.NOT_FOUND,                 // unknown, verified already, or ended
            THROTTLED,                  Check.FAIL_THROTTLED,
            INTERNAL_ERROR,             Check.FAIL_UNAVAILABLE);

    private static final Map<V1Status, Control> CONTROL = Map.of(
            OK,                         Control.DONE,
            WAIT_FOR_COMPLETION,        Control.REFUSED_NOW,             // cancel too early/late; no step left
            INVALID_REQUEST,            Control.NOT_FOUND,
            THROTTLED,                  Control.FAIL_THROTTLED,
            INTERNAL_ERROR,             Control.FAIL_UNAVAILABLE);

    // Everything else on a search (not found as 101, invalid request, invalid params, too many ids, ...): NOT_KNOWN.
    private static final Map<V1Status, SearchError> SEARCH_ERROR = Map.of(
            THROTTLED,                  SearchError.FAIL_THROTTLED,
            INTERNAL_ERROR,             SearchError.FAIL_UNAVAILABLE,
            MISSING_PARAMS,             SearchError.FAIL_MISCONFIGURED,
            INVALID_CREDENTIALS,        SearchError.FAIL_MISCONFIGURED,
            PARTNER_ACCOUNT_BARRED,     SearchError.FAIL_MISCONFIGURED,
            PARTNER_QUOTA_EXCEEDED,     SearchError.FAIL_MISCONFIGURED);

    // INVALID ("101") and anything new: UNKNOWN.
    private static final Map<VerifyDetails.Status, RequestStatus> SEARCH_FOUND = Map.of(
            VerifyDetails.Status.IN_PROGRESS, RequestStatus.IN_PROGRESS,
            VerifyDetails.Status.SUCCESS,     RequestStatus.VERIFIED,
            VerifyDetails.Status.FAILED,      RequestStatus.FAILED,
            VerifyDetails.Status.EXPIRED,     RequestStatus.EXPIRED,
            VerifyDetails.Status.CANCELLED,   RequestStatus.CANCELLED);

    private VonageStatusMapping() {
    }

    static Start start(VerifyStatus status) {
        return lookUp(START, status, Start.FAIL_MISCONFIGURED);
    }

    static Check check(VerifyStatus status) {
        return lookUp(CHECK, status, Check.FAIL_MISCONFIGURED);
    }

    static Control control(VerifyStatus status) {
        return lookUp(CONTROL, status, Control.FAIL_MISCONFIGURED);
    }

    static SearchError searchError(VerifyStatus status) {
        return lookUp(SEARCH_ERROR, status, SearchError.NOT_KNOWN);
    }

    static RequestStatus searchFound(VerifyDetails.Status status) {
        return status == null ? RequestStatus.UNKNOWN : SEARCH_FOUND.getOrDefault(status, RequestStatus.UNKNOWN);
    }

    /** The model's status for the SDK's; empty for the SDK's {@code UNKNOWN} and anything the facts do not list. */
    static Optional<V1Status> v1Status(VerifyStatus status) {
        return status == null ? Optional.empty() : V1Status.byCode(status.getVerifyStatus());
    }

    private static <A> A lookUp(Map<V1Status, A> table, VerifyStatus status, A unlisted) {
        return v1Status(status).map(table::get).orElse(unlisted);
    }
}
