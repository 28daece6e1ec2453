-- Data-quality exceptions the hub is told of, for ops and senior caseworkers to look into: what breach-streams
-- reports on em.data-quality (conflicting copies of a notification, data too late to apply, unreadable records)
-- and every record a service set aside on em.dead-letter. Facts, stored once: the fingerprint is a hash of what
-- the exception says (for a dead letter: where the original record sat and why it was set aside), so a record
-- read again after a crash, or reported again by a replay, adds nothing.
CREATE TABLE data_quality_exception (
    id               bigserial   PRIMARY KEY,
    fingerprint      text        NOT NULL UNIQUE,
    kind             text        NOT NULL
                                 CHECK (kind IN ('CONFLICTING_DUPLICATE', 'TOO_LATE', 'UNREADABLE_RECORD', 'DEAD_LETTERED')),
    supplier         text,
    notification_id  text,
    subject_id       text,
    detail           text        NOT NULL,
    event_time       timestamptz,
    detected_at      timestamptz NOT NULL,
    -- dead letters: where the original record sat, and the exception that set it aside
    origin_topic     text,
    origin_partition integer,
    origin_offset    bigint,
    exception        text,
    stored_at        timestamptz NOT NULL
);
CREATE INDEX data_quality_exception_newest ON data_quality_exception (id DESC);
CREATE INDEX data_quality_exception_detected ON data_quality_exception (detected_at);
CREATE INDEX data_quality_exception_subject ON data_quality_exception (subject_id) WHERE subject_id IS NOT NULL;

CREATE INDEX data_quality_exception_notification ON data_quality_exception (supplier, notification_id)
    WHERE notification_id IS NOT NULL;
