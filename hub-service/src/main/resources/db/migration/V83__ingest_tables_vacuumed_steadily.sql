-- The three tables the Kafka feeds append to are vacuumed in small steady steps rather than in bursts. Appended to
-- at 1,000 notifications and ~370 cases a second, autovacuum visited all three once a minute at the default pace
-- (2 ms of rest per 200 units of work), took the machine's remaining CPU for a few seconds each time, and every
-- case stored meanwhile waited up to half a second (docs/benchmarks.md, "End-to-end latency"). At 10 ms of rest
-- the same work is spread over a few times as long. Vacuuming itself is unchanged: it still keeps the visibility
-- map current for index-only scans (V82) and freezes old rows.
ALTER TABLE notification SET (autovacuum_vacuum_cost_delay = 10);
ALTER TABLE breach_case SET (autovacuum_vacuum_cost_delay = 10);
ALTER TABLE audit_event SET (autovacuum_vacuum_cost_delay = 10);
