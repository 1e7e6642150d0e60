-- The review queue: cases (one active case per flagged seller), decisions (append-only history of
-- who decided what, when and why) and penalties (what a confirmed case imposed, traceable to it).

CREATE TABLE cases (
  case_id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seller_id            TEXT NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('open', 'in_review', 'confirmed', 'cleared')),
  priority             DOUBLE PRECISION NOT NULL CHECK (priority >= 0),
  reasons              TEXT[] NOT NULL,
  evidence             JSONB NOT NULL,
  evidence_fingerprint TEXT NOT NULL,
  recommended_action   TEXT NOT NULL
                       CHECK (recommended_action IN ('warn', 'demand_certificates', 'seven_day_closure')),
  first_flagged        DATE NOT NULL,
  last_flagged         DATE NOT NULL CHECK (last_flagged >= first_flagged),
  assigned_reviewer    TEXT,
  taken_at             TIMESTAMPTZ,
  created_at           TIMESTAMPTZ NOT NULL,
  updated_at           TIMESTAMPTZ NOT NULL,
  -- An open case belongs to nobody; every other state was reached by a reviewer taking it.
  CHECK ((status = 'open') = (assigned_reviewer IS NULL)),
  CHECK ((assigned_reviewer IS NULL) = (taken_at IS NULL))
);

-- One active case per seller: sync refreshes it instead of adding a second one.
CREATE UNIQUE INDEX cases_one_active_per_seller ON cases (seller_id) WHERE status IN ('open', 'in_review');
-- take: the highest priority open cases first.
CREATE INDEX cases_open_by_priority ON cases (priority DESC, case_id) WHERE status = 'open';
CREATE INDEX cases_by_seller ON cases (seller_id, case_id);

CREATE TABLE decisions (
  decision_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     BIGINT NOT NULL REFERENCES cases (case_id),
  seller_id   TEXT NOT NULL,
  reviewer    TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('confirmed', 'cleared')),
  note        TEXT NOT NULL CHECK (length(btrim(note)) > 0),
  decided_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX decisions_by_seller ON decisions (seller_id, decided_at);

CREATE TABLE penalties (
  penalty_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seller_id  TEXT NOT NULL,
  case_id    BIGINT NOT NULL REFERENCES cases (case_id),
  action     TEXT NOT NULL CHECK (action IN ('warn', 'demand_certificates', 'seven_day_closure')),
  starts_on  DATE NOT NULL,
  -- Exclusive end; NULL while the penalty has no set end (certificates demanded until provided).
  ends_on    DATE CHECK (ends_on IS NULL OR ends_on >= starts_on),
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX penalties_by_seller ON penalties (seller_id, starts_on);

-- Decisions and penalties are history: the database itself refuses to rewrite or delete them.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only history', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER penalties_append_only BEFORE UPDATE OR DELETE ON penalties
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
