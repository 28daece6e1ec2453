-- Breach cases as breach-streams raised them (docs/policy.md §7), plus the hub's own state.
--
-- status:
--   OPEN       in its queue, to be worked (claimed or not: assignee tells which)
--   WITHDRAWN  breach-streams withdrew it (late or corrected data removed the violation); kept for audit
--   CLOSED     finished by a caseworker's outcome
-- Later states are added by later migrations, never by reusing these words.
CREATE TABLE breach_case (
    case_id                   text        PRIMARY KEY,
    subject_id                text        NOT NULL,
    queue                     text        NOT NULL CHECK (queue IN ('warnings', 'reviews', 'prosecutions')),
    severity                  text        NOT NULL CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    -- The ranks are derived from the words above, so they can never disagree with them (queue order §8).
    severity_rank             smallint    GENERATED ALWAYS AS (
                                  CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1
                                                WHEN 'MEDIUM' THEN 2 ELSE 3 END) STORED,
    harm_level                text        CHECK (harm_level IN ('VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW')),
    -- Unknown harm (NULL) ranks 4: after LOW.
    harm_rank                 smallint    GENERATED ALWAYS AS (
                                  CASE harm_level WHEN 'VERY_HIGH' THEN 0 WHEN 'HIGH' THEN 1
                                                  WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END) STORED,
    trigger                   text        NOT NULL,
    policy_version            text,
    rule_id                   text,
    evidence                  jsonb       NOT NULL,
    explanation               text        NOT NULL,
    opened_at                 timestamptz NOT NULL,
    raised_at                 timestamptz NOT NULL,
    stored_at                 timestamptz NOT NULL,
    status                    text        NOT NULL DEFAULT 'OPEN'
                                          CHECK (status IN ('OPEN', 'WITHDRAWN', 'CLOSED')),
    status_changed_at         timestamptz NOT NULL,
    assignee                  text,
    withdrawal_reason         text,
    withdrawn_at              timestamptz,
    replaced_by               text,
    withdrawal_policy_version text
);

-- Serves GET /api/v1/queues/{queue}: equality on (queue, status), then the §8 order with a keyset seek.
CREATE INDEX breach_case_queue_order
    ON breach_case (queue, status, severity_rank, harm_rank, opened_at, case_id);

-- Serve GET /api/v1/cases (newest first), overall and for one person.
CREATE INDEX breach_case_newest ON breach_case (raised_at DESC, case_id DESC);
CREATE INDEX breach_case_subject_newest ON breach_case (subject_id, raised_at DESC, case_id DESC);
