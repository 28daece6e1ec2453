-- EM end on the subject register: after this date no scheduled reviews are raised for the person and
-- their unfinished cases are flagged for closure.
ALTER TABLE subject
    ADD COLUMN em_end_date   date,
    ADD COLUMN em_end_reason text CHECK (em_end_reason IN ('TAG_REMOVED', 'BAIL_ENDED', 'REMOVED_FROM_UK', 'DETAINED')),
    ADD CONSTRAINT subject_em_end_has_reason CHECK ((em_end_date IS NULL) = (em_end_reason IS NULL));
