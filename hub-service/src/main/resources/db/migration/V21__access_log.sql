-- Who read which person's data (Data Protection Act 2018 Part 3, s.62: logs of consultation): every read of
-- a person's case, timeline or register entry, and every purpose-bound request for their trail data.
-- Append-only, like audit_event: the service may insert and read, never change or remove.
CREATE TABLE access_log (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text        NOT NULL,
    subject_id text        NOT NULL,
    case_id    text,
    what       text        NOT NULL,
    purpose    text
);
CREATE INDEX access_log_subject ON access_log (subject_id, id DESC);

CREATE FUNCTION refuse_change_to_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
