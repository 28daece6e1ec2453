-- People who sign in to the hub. password_hash is an Argon2id PHC string; roles are the hub's role words.
CREATE TABLE hub_user (
    username      text        PRIMARY KEY,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL
                              CHECK (roles <@ ARRAY['CASEWORKER', 'SENIOR_CASEWORKER', 'OPS', 'ADMIN']::text[]),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
