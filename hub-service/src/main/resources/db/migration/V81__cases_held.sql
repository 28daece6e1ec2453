-- "My cases": the cases a caseworker holds, by a few index reads however many cases there are
CREATE INDEX breach_case_assignee ON breach_case (assignee, claim_expires_at) WHERE assignee IS NOT NULL;
