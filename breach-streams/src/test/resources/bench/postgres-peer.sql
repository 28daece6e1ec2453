-- The PostgreSQL-only peer of the accumulated battery violation rule (docs/policy.md §1–3): what a team without
-- Kafka would build. Every notification is inserted (JDBC batches); a row trigger computes the rule at insert time.
-- Used by uk.gov.em.streams.bench.PostgresPeer (ThroughputBenchmark); not part of the product.
DROP SCHEMA IF EXISTS peer CASCADE;
CREATE SCHEMA peer;
SET search_path = peer;

-- §1: one row per (supplier, notificationId); a second copy is not inserted (ON CONFLICT DO NOTHING), so it
-- fires nothing.
CREATE TABLE notification (
    supplier        text        NOT NULL,
    notification_id text        NOT NULL,
    subject_id      text        NOT NULL,
    type            text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    ended_at        timestamptz,
    episode_id      text        NOT NULL,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (supplier, notification_id)
);

-- The newest event time seen for each person: the 30-day lateness horizon is measured against it.
CREATE TABLE person (
    subject_id text PRIMARY KEY,
    newest     timestamptz NOT NULL
);

-- §2: one battery episode per (person, episodeId), from the earliest occurredAt to the latest end (NULL: open).
CREATE TABLE battery_period (
    subject_id  text        NOT NULL,
    episode_id  text        NOT NULL,
    period_from timestamptz NOT NULL,
    period_to   timestamptz,
    PRIMARY KEY (subject_id, episode_id)
);

-- §3: every ABV ever raised; in force while withdrawn_at is NULL.
CREATE TABLE abv (
    subject_id   text        NOT NULL,
    at           timestamptz NOT NULL,
    window_start timestamptz NOT NULL,
    raised_at    timestamptz NOT NULL,
    withdrawn_at timestamptz,
    PRIMARY KEY (subject_id, at)
);

-- Battery data that would change something more than 30 days before the person's newest event time.
CREATE TABLE too_late (
    supplier        text        NOT NULL,
    notification_id text        NOT NULL,
    subject_id      text        NOT NULL,
    changed         timestamptz NOT NULL,
    newest          timestamptz NOT NULL
);

CREATE FUNCTION ms(t timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE AS
$$ SELECT (extract(epoch FROM t) * 1000)::bigint $$;

CREATE FUNCTION at_ms(m bigint) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS
$$ SELECT timestamptz 'epoch' + m * interval '1 millisecond' $$;

-- The first ABV instant (epoch ms) after the consumption point c: the first T at which the merged battery time
-- inside (max(T - w, c), T] reaches th. That sum is piecewise linear in T, changing slope only at the merged
-- periods' starts and ends, those plus w, and c plus w; so evaluate it at those breakpoints in order (a range
-- sum per breakpoint) and, in the first gap where it reaches th, T = previous breakpoint + (th - its sum).
-- Overlapping periods are merged first (gaps and islands by a running maximum of the ends).
CREATE FUNCTION next_abv(p_subject text, c bigint, w bigint, th bigint) RETURNS bigint LANGUAGE sql STABLE SET search_path = peer AS $$
WITH p AS (
    SELECT ms(period_from) AS f, coalesce(ms(period_to), 2305843009213693951) AS t
    FROM battery_period
    WHERE subject_id = p_subject
      AND (period_to IS NULL OR (period_to > period_from AND period_to > at_ms(c)))
), islands AS (
    SELECT f, t, CASE WHEN f < max(t) OVER (ORDER BY f, t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                      THEN 0 ELSE 1 END AS starts
    FROM p
), grouped AS (
    SELECT f, t, sum(starts) OVER (ORDER BY f, t ROWS UNBOUNDED PRECEDING) AS island FROM islands
), merged AS (
    SELECT min(f) AS f, max(t) AS t FROM grouped GROUP BY island
), breakpoints AS (
    SELECT c + w AS b
    UNION
    SELECT v.b FROM merged m, LATERAL (VALUES (m.f), (m.t), (m.f + w), (m.t + w)) AS v(b) WHERE v.b > c
), sums AS (
    SELECT b, (SELECT coalesce(sum(greatest(0, least(m.t, b) - greatest(m.f, b - w, c))), 0)::bigint FROM merged m) AS v
    FROM breakpoints
), steps AS (
    SELECT b, v, lag(b, 1, c) OVER (ORDER BY b) AS pb, lag(v, 1, 0::bigint) OVER (ORDER BY b) AS pv FROM sums
)
SELECT pb + (th - pv) FROM steps WHERE v >= th ORDER BY b LIMIT 1
$$;

-- Late data by recomputation: ABVs at or before the changed instant cannot move, so the chain restarts at the
-- last of them (or at the newest event time less 37 days, as the stream processor does); every ABV after it is
-- withdrawn and found again. One found again at the same instant simply stays in force.
CREATE FUNCTION recompute_abvs(p_subject text, p_changed timestamptz, p_newest timestamptz, p_as_of timestamptz)
    RETURNS void LANGUAGE plpgsql SET search_path = peer AS $$
DECLARE
    w  constant bigint := 7 * 86400000;
    th constant bigint := 12 * 3600000;
    c  bigint;
    t  bigint;
BEGIN
    SELECT greatest(ms(max(at)), ms(p_newest - interval '37 days')) INTO c
    FROM abv WHERE subject_id = p_subject AND at <= p_changed AND withdrawn_at IS NULL;
    UPDATE abv SET withdrawn_at = p_as_of
    WHERE subject_id = p_subject AND at > at_ms(c) AND withdrawn_at IS NULL;
    LOOP
        t := next_abv(p_subject, c, w, th);
        EXIT WHEN t IS NULL OR t > ms(p_as_of);
        INSERT INTO abv (subject_id, at, window_start, raised_at)
        VALUES (p_subject, at_ms(t), at_ms(greatest(t - w, c)), p_as_of)
        ON CONFLICT (subject_id, at) DO UPDATE
            SET withdrawn_at = NULL,
                raised_at = CASE WHEN abv.withdrawn_at = p_as_of THEN abv.raised_at ELSE excluded.raised_at END;
        c := t;
    END LOOP;
END
$$;

-- At insert time: the person's newest event time, the episode (earliest start, latest end), the lateness check,
-- and the ABVs from the instant the episode changed.
CREATE FUNCTION on_notification() RETURNS trigger LANGUAGE plpgsql SET search_path = peer AS $$
DECLARE
    report_end  timestamptz := CASE WHEN NEW.ended_at IS NULL THEN NULL
                                    WHEN NEW.ended_at > NEW.occurred_at THEN NEW.ended_at ELSE NEW.occurred_at END;
    newest_with timestamptz;
    old_from    timestamptz;
    old_to      timestamptz;
    new_from    timestamptz;
    new_to      timestamptz;
    changed     timestamptz;
BEGIN
    SELECT greatest(newest, coalesce(report_end, NEW.occurred_at)) INTO newest_with
    FROM person WHERE subject_id = NEW.subject_id FOR UPDATE;
    newest_with := coalesce(newest_with, report_end, NEW.occurred_at);
    IF NEW.type = 'BATTERY_DEPLETED' THEN
        SELECT period_from, period_to INTO old_from, old_to
        FROM battery_period WHERE subject_id = NEW.subject_id AND episode_id = NEW.episode_id FOR UPDATE;
        IF NOT FOUND THEN
            new_from := NEW.occurred_at;
            new_to := report_end;
            changed := new_from;
        ELSE
            new_from := least(old_from, NEW.occurred_at);
            new_to := CASE WHEN old_to IS NULL THEN report_end ELSE greatest(old_to, report_end) END;
            IF new_from <> old_from THEN
                changed := new_from;
            END IF;
            IF new_to IS DISTINCT FROM old_to THEN
                changed := least(changed, CASE WHEN new_to IS NULL THEN old_to WHEN old_to IS NULL THEN new_to
                                               ELSE least(new_to, old_to) END);
            END IF;
        END IF;
        IF changed IS NOT NULL AND changed < newest_with - interval '30 days' THEN
            INSERT INTO too_late VALUES (NEW.supplier, NEW.notification_id, NEW.subject_id, changed, newest_with);
            RETURN NULL;
        END IF;
    END IF;
    INSERT INTO person VALUES (NEW.subject_id, newest_with)
    ON CONFLICT (subject_id) DO UPDATE SET newest = excluded.newest;
    IF changed IS NOT NULL THEN
        INSERT INTO battery_period VALUES (NEW.subject_id, NEW.episode_id, new_from, new_to)
        ON CONFLICT (subject_id, episode_id) DO UPDATE SET period_from = excluded.period_from, period_to = excluded.period_to;
        PERFORM recompute_abvs(NEW.subject_id, changed, newest_with, NEW.received_at);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER on_notification AFTER INSERT ON notification FOR EACH ROW EXECUTE FUNCTION on_notification();
