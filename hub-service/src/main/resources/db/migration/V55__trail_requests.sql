-- Purpose-bound requests for a person's trail data (GPS location history), which the hub does not hold but
-- may ask the supplier for: who asked, about whom, for which case if any, why, and for which period; and,
-- separately, each outcome recorded on a request. Both append-only, like access_log: the service may insert
-- and read, never change or remove (R__app_role_grants revokes the rest; the triggers refuse even the owner
-- unless disabled).
CREATE TABLE trail_request (
    id           bigserial   PRIMARY KEY,
    requested_at timestamptz NOT NULL,
    subject_id   text        NOT NULL,
    case_id      text,
    requester    text        NOT NULL,
    purpose      text        NOT NULL,
    period_from  timestamptz NOT NULL,
    period_to    timestamptz NOT NULL,
    CHECK (period_from < period_to)
);
CREATE INDEX trail_request_subject ON trail_request (subject_id, id DESC);

CREATE TABLE trail_request_outcome (
    id         bigserial   PRIMARY KEY,
    request_id bigint      NOT NULL REFERENCES trail_request (id),
    decided_at timestamptz NOT NULL,
    decided_by text        NOT NULL,
    outcome    text        NOT NULL CHECK (outcome IN ('APPROVED', 'REFUSED', 'PROVIDED')),
    note       text        NOT NULL
);
CREATE INDEX trail_request_outcome_request ON trail_request_outcome (request_id, id);
-- a request is settled once: refused or provided, never both, never twice
CREATE UNIQUE INDEX trail_request_settled_once ON trail_request_outcome (request_id)
    WHERE outcome IN ('REFUSED', 'PROVIDED');

CREATE TRIGGER trail_request_no_update_or_delete BEFORE UPDATE OR DELETE ON trail_request
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER trail_request_no_truncate BEFORE TRUNCATE ON trail_request
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER trail_request_outcome_no_update_or_delete BEFORE UPDATE OR DELETE ON trail_request_outcome
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER trail_request_outcome_no_truncate BEFORE TRUNCATE ON trail_request_outcome
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
