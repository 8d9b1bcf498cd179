-- Idempotency keys of starts (dev.phoneverify.core.port.IdempotencyStore), shared by every instance, so a start
-- retried on another instance finds the first one's verification instead of sending a second code.
-- A claim is one INSERT ... ON CONFLICT statement, so of racing starts with one key exactly one holds it.
CREATE TABLE idempotency_key (
    key         varchar(255) PRIMARY KEY,   -- the caller's Idempotency-Key
    fingerprint varchar(128) NOT NULL,      -- SHA-256 (hex) of the key and the request; never the request itself
    claimed_at  timestamptz  NOT NULL,
    -- The flow the start began; empty while it runs. A key lives as long as its flow: the flow's purge drops it.
    flow_id     char(32)     REFERENCES verification_flow (id) ON DELETE CASCADE
);

-- The purge of claims whose start never finished (its instance stopped) reads only those, oldest first.
CREATE INDEX idempotency_key_unfinished_by_claim ON idempotency_key (claimed_at) WHERE flow_id IS NULL;

-- The flow's purge finds its key through this index instead of scanning the table.
CREATE INDEX idempotency_key_by_flow ON idempotency_key (flow_id);
