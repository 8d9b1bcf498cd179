-- Signed webhook tokens already accepted (dev.phoneverify.core.port.TokenReplayStore), shared by every instance, so
-- a callback replayed to another instance is refused too. A row matters only until keep_until: after it the token
-- is refused as too old anyway, and the purge drops it.
CREATE TABLE webhook_token_replay (
    token_id   varchar(128) PRIMARY KEY,  -- the JWT's jti
    keep_until timestamptz  NOT NULL
);

-- The purge reads only rows whose time has passed, oldest first.
CREATE INDEX webhook_token_replay_by_keep_until ON webhook_token_replay (keep_until);
