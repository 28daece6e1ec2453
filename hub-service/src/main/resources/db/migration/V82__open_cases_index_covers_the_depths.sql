-- The queue-depth gauges (every 15 s), the backlog MI and the SLA MI count every open case. From the table
-- itself that was a parallel scan of every case's row, evidence and explanation included: under load it took
-- all the machine's cores for up to 300 ms at a time, and every case being stored meanwhile waited
-- (docs/benchmarks.md, "End-to-end latency"). The due-order index now holds only the open lane, which is all
-- it was ever asked for, and carries the columns the counts read, so they can be an index-only scan of it.
DROP INDEX breach_case_queue_due;
-- Serves GET /api/v1/queues/{queue}?order=due (a seek on queue, then due order) and the open, unallocated
-- and overdue counts (CaseRepository.OPEN_DEPTHS).
CREATE INDEX breach_case_open_by_due ON breach_case (queue, due_at, case_id)
    INCLUDE (stored_at, assignee, claim_expires_at)
    WHERE lane = 'OPEN';
