-- One row per verification flow (dev.phoneverify.core.domain.VerificationFlow).
-- Every change is a conditional UPDATE on "version", so instances sharing this table never lose an update.
CREATE TABLE verification_flow (
    id                 char(32)     PRIMARY KEY,
    phone_number       varchar(15)  NOT NULL,  -- E.164 digits, without the '+'
    request_id         varchar(32)  NOT NULL,  -- the provider's request id
    state              varchar(16)  NOT NULL
        CHECK (state IN ('PENDING', 'VERIFIED', 'FAILED', 'EXPIRED', 'CANCELLED')),
    channel            varchar(16)  NOT NULL CHECK (channel IN ('SMS', 'VOICE')),
    wrong_attempts     integer      NOT NULL CHECK (wrong_attempts >= 0),
    attempts_remaining integer      NOT NULL CHECK (attempts_remaining >= 0),
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    expires_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL
);

-- The expiry sweep and the purge of abandoned flows read only live rows, oldest expiry first.
CREATE INDEX verification_flow_pending_by_expiry
    ON verification_flow (expires_at, id) WHERE state = 'PENDING';

-- The retention purge reads only finished rows, oldest change first, so it never touches live rows.
CREATE INDEX verification_flow_finished_by_update
    ON verification_flow (updated_at) WHERE state <> 'PENDING';
