-- Sessions signed out before their token expired: the token's id (jti) is refused until the token would
-- have expired anyway; rows past that time are purged.
CREATE TABLE revoked_session (
    jti        text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_session_expires_at ON revoked_session (expires_at);
