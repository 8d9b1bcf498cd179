-- Abuse controls (dev.phoneverify.core.port.RateLimitStore and ConversionStatsStore), shared by every instance.
-- Every change is one INSERT ... ON CONFLICT ... DO UPDATE statement, so counts are exact across instances.

-- Fixed-window send counters: one row per key, holding the latest window only.
CREATE TABLE rate_limit_counter (
    key          varchar(128) PRIMARY KEY,  -- e.g. number:447700900000; may hold a phone number
    window_start timestamptz  NOT NULL,
    window_end   timestamptz  NOT NULL,     -- the row no longer matters after it
    count        integer      NOT NULL CHECK (count >= 1)
);

-- The purge reads only counters whose window is over, oldest first.
CREATE INDEX rate_limit_counter_by_window_end ON rate_limit_counter (window_end);

-- Escalating holds: the resend cooldown and the delay after a failed verification.
CREATE TABLE rate_limit_hold (
    key        varchar(128) PRIMARY KEY,
    delay_ms   bigint       NOT NULL CHECK (delay_ms > 0),  -- the latest delay; the next one doubles it
    held_until timestamptz  NOT NULL,
    forget_at  timestamptz  NOT NULL  -- held_until + forgetAfter: after it the next delay starts over
);

-- The purge reads only holds that are forgotten, oldest first.
CREATE INDEX rate_limit_hold_by_forget_at ON rate_limit_hold (forget_at);

-- Started and verified flows per country calling code, in buckets, for the conversion alarm.
CREATE TABLE conversion_bucket (
    calling_code varchar(3)  NOT NULL,
    bucket_start timestamptz NOT NULL,
    started      bigint      NOT NULL CHECK (started >= 0),
    verified     bigint      NOT NULL CHECK (verified >= 0),
    PRIMARY KEY (calling_code, bucket_start)
);

-- The purge reads only buckets older than the retention, oldest first.
CREATE INDEX conversion_bucket_by_start ON conversion_bucket (bucket_start);

-- One row per raised alarm: raising is an insert that only one instance wins, so each alarm is announced once.
CREATE TABLE conversion_alarm (
    calling_code varchar(3) PRIMARY KEY
);
