-- Claims, actions through the per-queue state machine (docs/case-lifecycle.md), and the audit trail.

-- Work in progress gets its own statuses; WITHDRAWN and CLOSED keep their meaning.
--   WARNING_SENT         a warning letter went out; mitigation may follow
--   MITIGATION_RECEIVED  the person's mitigation is in, to be weighed
ALTER TABLE breach_case DROP CONSTRAINT breach_case_status_check;
ALTER TABLE breach_case ADD CONSTRAINT breach_case_status_check
    CHECK (status IN ('OPEN', 'WARNING_SENT', 'MITIGATION_RECEIVED', 'WITHDRAWN', 'CLOSED'));

-- A queue lists every case still being worked, whatever its stage: the lane folds the stages into
-- OPEN so one index serves the queue page in §8 order (a status IN (...) would need a sort).
ALTER TABLE breach_case
    ADD COLUMN lane text GENERATED ALWAYS AS (
        CASE WHEN status IN ('WITHDRAWN', 'CLOSED') THEN status ELSE 'OPEN' END) STORED,
    -- the claim: one holder, until the lease runs out (then anyone may claim it again)
    ADD COLUMN claimed_at         timestamptz,
    ADD COLUMN claim_expires_at   timestamptz,
    ADD COLUMN last_action_at     timestamptz,
    -- the action that closed the case
    ADD COLUMN outcome            text,
    ADD COLUMN closed_at          timestamptz,
    -- breach-streams withdrew a case someone had already worked: it stays with them, flagged
    ADD COLUMN withdrawal_flagged boolean NOT NULL DEFAULT false;

DROP INDEX breach_case_queue_order;
CREATE INDEX breach_case_queue_order
    ON breach_case (queue, lane, severity_rank, harm_rank, opened_at, case_id);

-- What caseworkers did, in order. Rows are only ever added.
CREATE TABLE case_action (
    action_id   bigserial   PRIMARY KEY,
    case_id     text        NOT NULL REFERENCES breach_case (case_id),
    action      text        NOT NULL,
    actor       text        NOT NULL,
    note        text,
    from_status text        NOT NULL,
    to_status   text        NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX case_action_case ON case_action (case_id, action_id);
CREATE INDEX case_action_action_at ON case_action (action, at);

-- The audit trail: append-only and hash-chained. hash = SHA-256(prev_hash + canonical row content),
-- computed by the application (audit.domain.AuditChain) so that GET /api/v1/audit/verify can recompute
-- it. seq has no gaps: a deleted row shows as a gap even if the chain were rebuilt around it.
CREATE TABLE audit_event (
    seq        bigint      PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    case_id    text,
    subject_id text,
    detail     text        NOT NULL,
    prev_hash  text        NOT NULL,
    hash       text        NOT NULL
);
CREATE INDEX audit_event_case ON audit_event (case_id, seq) WHERE case_id IS NOT NULL;
CREATE INDEX audit_event_subject ON audit_event (subject_id, seq) WHERE subject_id IS NOT NULL;

-- The head of the chain, one row. Appenders lock it (UPDATE ... RETURNING) so the chain stays a chain
-- under concurrent writers; it is a cache of the last row, never trusted by the verifier.
CREATE TABLE audit_head (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    last_seq  bigint  NOT NULL,
    last_hash text    NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (true, 0, repeat('0', 64));

-- Second line of defence, for deployments where the application connects as the schema owner: the
-- table refuses UPDATE, DELETE and TRUNCATE from anyone. (The first line is the role: see R__grants.)
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
