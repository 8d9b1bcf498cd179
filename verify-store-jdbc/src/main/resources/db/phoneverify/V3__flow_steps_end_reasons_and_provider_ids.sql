-- The flow's second shape (issue 12): when the current delivery step began, why a finished flow ended, the
-- channels of a provider-neutral port, opaque request ids up to 64 characters (Vonage v1's 32 hex characters and
-- v2's 36-character UUIDs), and a lookup by request id for the status a provider pushes.

-- Rows written before this migration knew no step start; the flow's start is the earliest it can be, so a pushed
-- step update is never judged stale for lack of it.
ALTER TABLE verification_flow ADD COLUMN step_started_at timestamptz;
UPDATE verification_flow SET step_started_at = created_at;
ALTER TABLE verification_flow ALTER COLUMN step_started_at SET NOT NULL;

-- Why a flow ended (dev.phoneverify.core.domain.EndReason); NULL exactly while it is pending. The old shape did
-- not record whether a provider settled a flow, so rows that ended before this migration get the most common
-- reason for their state.
ALTER TABLE verification_flow ADD COLUMN end_reason varchar(32);
UPDATE verification_flow SET end_reason = CASE state
    WHEN 'VERIFIED' THEN 'CODE_VERIFIED'
    WHEN 'FAILED' THEN 'TOO_MANY_WRONG_CODES'
    WHEN 'EXPIRED' THEN 'TIMED_OUT'
    WHEN 'CANCELLED' THEN 'CANCELLED_ON_REQUEST'
END;
-- Each reason belongs to one terminal state, as in EndReason, so a row's state and reason never disagree.
ALTER TABLE verification_flow ADD CONSTRAINT verification_flow_end_reason_matches_state CHECK (
    (state = 'PENDING' AND end_reason IS NULL)
    OR (state = 'VERIFIED' AND end_reason IN ('CODE_VERIFIED', 'VERIFIED_AT_PROVIDER'))
    OR (state = 'FAILED' AND end_reason IN ('TOO_MANY_WRONG_CODES', 'FAILED_AT_PROVIDER', 'BLOCKED_BY_PROVIDER'))
    OR (state = 'EXPIRED' AND end_reason IN ('TIMED_OUT', 'EXPIRED_AT_PROVIDER', 'UNKNOWN_TO_PROVIDER'))
    OR (state = 'CANCELLED' AND end_reason IN ('CANCELLED_ON_REQUEST', 'CANCELLED_AT_PROVIDER')));

-- The port's channels (dev.phoneverify.core.domain.Channel). V1's inline check has PostgreSQL's default name.
ALTER TABLE verification_flow DROP CONSTRAINT verification_flow_channel_check;
ALTER TABLE verification_flow ADD CONSTRAINT verification_flow_channel_check
    CHECK (channel IN ('SMS', 'VOICE', 'WHATSAPP', 'EMAIL'));

-- RequestId.MAX_LENGTH.
ALTER TABLE verification_flow ALTER COLUMN request_id TYPE varchar(64);

-- findByRequestId: how an update the provider pushes finds its flow. Not unique: the id is the provider's, and the
-- newest flow with it is the one that counts, as in the in-memory store.
CREATE INDEX verification_flow_by_request_id ON verification_flow (request_id, created_at DESC);
