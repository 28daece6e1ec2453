-- The subject register, its transactional outbox to em.subjects, and the accepted notifications (for
-- timelines and MI).

CREATE TABLE subject (
    subject_id    text        PRIMARY KEY,
    harm_level    text        CHECK (harm_level IN ('VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW')),
    vulnerable    boolean     NOT NULL,
    device_type   text        CHECK (device_type IN ('FITTED_GPS', 'FITTED_RF', 'NON_FITTED')),
    em_start_date date,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL
);
CREATE INDEX subject_em_start ON subject (em_start_date) WHERE em_start_date IS NOT NULL;

-- Written in the same transaction as the subject row; the publisher sends rows in id order and marks
-- them published, so a subject change reaches em.subjects at least once and never out of order.
CREATE TABLE subject_outbox (
    outbox_id    bigserial   PRIMARY KEY,
    subject_id   text        NOT NULL,
    payload      bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX subject_outbox_pending ON subject_outbox (outbox_id) WHERE published_at IS NULL;

-- Every accepted notification once, identified as docs/policy.md §1 says: (supplier, notification_id).
CREATE TABLE notification (
    supplier        text        NOT NULL,
    notification_id text        NOT NULL,
    subject_id      text        NOT NULL,
    device_id       text,
    type            text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    ended_at        timestamptz,
    episode_id      text,
    details         jsonb,
    received_at     timestamptz NOT NULL,
    stored_at       timestamptz NOT NULL,
    PRIMARY KEY (supplier, notification_id)
);
CREATE INDEX notification_subject_time ON notification (subject_id, occurred_at);
CREATE INDEX notification_occurred ON notification (occurred_at, type);

-- Timelines and the legal clock read a person's cases and a case's withdrawal/closing quickly.
CREATE INDEX breach_case_closed ON breach_case (closed_at) WHERE closed_at IS NOT NULL;
