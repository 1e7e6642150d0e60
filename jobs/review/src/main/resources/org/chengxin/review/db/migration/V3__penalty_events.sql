-- Penalties that end. A penalty row keeps the term its case imposed (penalties.ends_on, exclusive);
-- what happens to it afterwards is appended to penalty_events: lifted early, certificates received
-- and checked, appeals filed and decided. Nothing is updated or deleted: penalty_status derives each
-- penalty's effective end from the term and the events.

CREATE TABLE penalty_events (
  event_id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  penalty_id      BIGINT NOT NULL REFERENCES penalties (penalty_id),
  kind            TEXT NOT NULL CHECK (kind IN ('lifted', 'certificates_received', 'certificates_accepted',
                    'certificates_rejected', 'appeal_filed', 'appeal_upheld', 'appeal_rejected')),
  -- Who recorded the event: the reviewer who lifted, checked or decided; for appeal_filed, the
  -- reviewer who took the seller's appeal (the seller's statement is the note).
  reviewer        TEXT NOT NULL,
  note            TEXT NOT NULL CHECK (length(btrim(note)) > 0),
  -- The appeal_filed event an appeal decision answers; set on decisions only.
  appeal_event_id BIGINT REFERENCES penalty_events (event_id),
  happened_at     TIMESTAMPTZ NOT NULL,
  CHECK ((kind IN ('appeal_upheld', 'appeal_rejected')) = (appeal_event_id IS NOT NULL))
);
CREATE INDEX penalty_events_by_penalty ON penalty_events (penalty_id, event_id);
-- An appeal is decided once.
CREATE UNIQUE INDEX penalty_events_one_decision_per_appeal ON penalty_events (appeal_event_id)
  WHERE appeal_event_id IS NOT NULL;

CREATE TRIGGER penalty_events_append_only BEFORE UPDATE OR DELETE ON penalty_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- The appeal rules, kept by the database whoever writes: one open appeal per penalty, and an appeal
-- is decided by a reviewer other than the one who decided the case. Events of one penalty are
-- written one at a time (the penalty's row is locked), so two appeals filed together cannot both pass.
CREATE FUNCTION check_appeal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  filed penalty_events%ROWTYPE;
BEGIN
  PERFORM 1 FROM penalties WHERE penalty_id = NEW.penalty_id FOR UPDATE;
  IF NEW.kind = 'appeal_filed' THEN
    IF EXISTS (SELECT 1 FROM penalty_events f WHERE f.penalty_id = NEW.penalty_id AND f.kind = 'appeal_filed'
               AND NOT EXISTS (SELECT 1 FROM penalty_events d WHERE d.appeal_event_id = f.event_id)) THEN
      RAISE EXCEPTION 'penalty % already has an open appeal', NEW.penalty_id;
    END IF;
  ELSIF NEW.kind IN ('appeal_upheld', 'appeal_rejected') THEN
    SELECT * INTO filed FROM penalty_events WHERE event_id = NEW.appeal_event_id;
    IF filed.kind IS DISTINCT FROM 'appeal_filed' OR filed.penalty_id <> NEW.penalty_id THEN
      RAISE EXCEPTION 'event % is not an appeal of penalty %', NEW.appeal_event_id, NEW.penalty_id;
    END IF;
    IF EXISTS (SELECT 1 FROM penalties p JOIN decisions d ON d.case_id = p.case_id
               WHERE p.penalty_id = NEW.penalty_id AND d.reviewer = NEW.reviewer) THEN
      RAISE EXCEPTION 'reviewer % decided the case of penalty %: another reviewer decides its appeal',
        NEW.reviewer, NEW.penalty_id;
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER penalty_events_appeal_rules BEFORE INSERT ON penalty_events
  FOR EACH ROW EXECUTE FUNCTION check_appeal();

-- Each penalty as it stands. ends_on is the effective exclusive end: the term's end, or the UTC day
-- of the first event that ended it earlier (lifted, certificates_accepted, appeal_upheld); NULL while
-- nothing has ended it (certificates demanded and not yet accepted). A penalty is in force on day D
-- when starts_on <= D and (ends_on IS NULL or D < ends_on). end_reason says what set ends_on: 'term'
-- or that event's kind. certificates is the latest certificates event (received, accepted,
-- rejected), appeal the latest appeal's state (open, upheld, rejected) and appeal_event_id its filing.
CREATE VIEW penalty_status AS
SELECT p.penalty_id, p.seller_id, p.case_id, d.reviewer AS decided_by, p.action, p.starts_on,
       p.ends_on AS term_ends_on,
       CASE WHEN ended.on_day IS NOT NULL AND (p.ends_on IS NULL OR ended.on_day < p.ends_on)
            THEN ended.on_day ELSE p.ends_on END AS ends_on,
       CASE WHEN ended.on_day IS NOT NULL AND (p.ends_on IS NULL OR ended.on_day < p.ends_on)
            THEN ended.kind WHEN p.ends_on IS NOT NULL THEN 'term' END AS end_reason,
       certificates.state AS certificates,
       appeal.state AS appeal,
       appeal.event_id AS appeal_event_id
FROM penalties p
LEFT JOIN decisions d ON d.case_id = p.case_id
LEFT JOIN LATERAL (
  SELECT e.kind, (e.happened_at AT TIME ZONE 'UTC')::date AS on_day FROM penalty_events e
  WHERE e.penalty_id = p.penalty_id AND e.kind IN ('lifted', 'certificates_accepted', 'appeal_upheld')
  ORDER BY e.happened_at, e.event_id LIMIT 1) ended ON true
LEFT JOIN LATERAL (
  SELECT substr(e.kind, length('certificates_') + 1) AS state FROM penalty_events e
  WHERE e.penalty_id = p.penalty_id AND e.kind LIKE 'certificates\_%'
  ORDER BY e.event_id DESC LIMIT 1) certificates ON true
LEFT JOIN LATERAL (
  SELECT f.event_id, COALESCE(substr(answer.kind, length('appeal_') + 1), 'open') AS state
  FROM penalty_events f LEFT JOIN penalty_events answer ON answer.appeal_event_id = f.event_id
  WHERE f.penalty_id = p.penalty_id AND f.kind = 'appeal_filed'
  ORDER BY f.event_id DESC LIMIT 1) appeal ON true;
