-- Why a case was raised, as data (the case record's `reason`, format 2; docs/policy.md §7): the hub words the
-- sentence a caseworker reads from it. NULL for cases stored before, cases of the first format and cases the
-- hub raises itself; those show their stored `explanation`.
ALTER TABLE breach_case ADD COLUMN reason jsonb;
