-- After the decision (docs/case-lifecycle.md): time targets, warnings and mitigation, prosecutions
-- followed to an outcome, reasons on closing, contact attempts and safeguarding referrals.

-- New stages of work; the lane (V3) files every status that is not WITHDRAWN or CLOSED under OPEN.
--   REFERRED  referred for prosecution: waiting for the prosecutor's decision
--   CHARGED   the prosecutor decided to charge: waiting for the outcome
ALTER TABLE breach_case DROP CONSTRAINT breach_case_status_check;
ALTER TABLE breach_case ADD CONSTRAINT breach_case_status_check
    CHECK (status IN ('OPEN', 'WARNING_SENT', 'MITIGATION_RECEIVED', 'REFERRED', 'CHARGED', 'WITHDRAWN', 'CLOSED'));

ALTER TABLE breach_case
    -- when the next action is due by the queue's time target (or the legal clock); NULL once finished.
    -- Computed by the application (cases.domain.TimeTargets) whenever the case changes.
    ADD COLUMN due_at                timestamptz,
    -- the first action's target and when it was taken: the SLA MI
    ADD COLUMN first_action_due_at   timestamptz,
    ADD COLUMN first_action_at       timestamptz,
    -- a warning letter invites written mitigation until this instant
    ADD COLUMN mitigation_due_at     timestamptz,
    -- when it was referred for prosecution (the legal clock applies from then on, whatever the queue)
    ADD COLUMN referred_at           timestamptz,
    -- why the case came back to the queue for attention: NO_MITIGATION_BY_DEADLINE, EM_ENDED
    ADD COLUMN attention             text CHECK (attention IN ('NO_MITIGATION_BY_DEADLINE', 'EM_ENDED')),
    ADD COLUMN attention_at          timestamptz,
    -- the reason or outcome given with the action that closed it
    ADD COLUMN outcome_detail        text;

-- Serves GET /api/v1/queues/{queue}?order=due and the overdue counts.
CREATE INDEX breach_case_queue_due ON breach_case (queue, lane, due_at, case_id);
-- Serves the mitigation deadline sweep.
CREATE INDEX breach_case_mitigation_due ON breach_case (mitigation_due_at)
    WHERE status = 'WARNING_SENT' AND attention IS NULL;

-- What came with an action: an outcome or reason word, and the contact or referral it records.
ALTER TABLE case_action
    ADD COLUMN outcome text,
    ADD COLUMN reason  text,
    ADD COLUMN method  text,
    ADD COLUMN reached boolean,
    ADD COLUMN party   text,
    ADD COLUMN agency  text;
CREATE INDEX case_action_case_action ON case_action (case_id, action);
