-- Sign-in limits (brute force): consecutive failures per user and the time a locked account is released,
-- and an append-only record of every sign-in attempt, lock-out and unlock.
ALTER TABLE hub_user
    ADD COLUMN failed_sign_ins integer     NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    timestamptz;

CREATE TABLE sign_in_event (
    id        bigserial   PRIMARY KEY,
    username  text        NOT NULL,
    source    text        NOT NULL,
    outcome   text        NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'LOCKED_OUT', 'REFUSED_LOCKED', 'UNLOCKED')),
    actor     text,
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_event_username_at ON sign_in_event (username, at DESC);
