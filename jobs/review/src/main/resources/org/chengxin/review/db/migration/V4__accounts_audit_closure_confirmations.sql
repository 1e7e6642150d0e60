-- Named accounts for the console and the queue, an append-only audit log of what every account did,
-- and the second reviewer's confirmation that a seven-day closure needs before it takes effect.

CREATE TABLE accounts (
  account_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The name cases and decisions record as reviewer (same form as --reviewer).
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('reviewer', 'lead', 'analyst', 'admin')),
  -- Argon2id in the PHC string form ($argon2id$v=19$m=...,t=...,p=...$salt$hash); never the password.
  password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  -- Wrong passwords since the last good login; the tenth locks the account until an admin unlocks it.
  failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_at     TIMESTAMPTZ,
  created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_log (
  audit_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The account that acted; NULL for a login attempt under a name no account has (the name typed
  -- is not kept: it may be a password typed in the wrong field).
  actor       TEXT,
  action      TEXT NOT NULL CHECK (action IN ('login_ok', 'login_failed', 'login_locked', 'logout',
                'account_created', 'account_unlocked', 'take', 'release', 'reassign', 'view_evidence',
                'decide', 'propose_closure', 'confirm_closure', 'penalty_event')),
  case_id     BIGINT REFERENCES cases (case_id),
  -- What else the action needs to be understood: the outcome decided, whom a case went to, the role
  -- given, the kind of a penalty event and its penalty.
  detail      TEXT,
  channel     TEXT NOT NULL CHECK (channel IN ('console', 'queue', 'console_user')),
  happened_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_log_by_case ON audit_log (case_id, audit_id) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_by_actor ON audit_log (actor, audit_id);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- A seven-day closure is proposed by the reviewer who holds the case and takes effect only when a
-- different reviewer confirms it: the confirmation writes the decision and the penalty.
CREATE TABLE closure_proposals (
  case_id     BIGINT PRIMARY KEY REFERENCES cases (case_id),
  proposed_by TEXT NOT NULL,
  note        TEXT NOT NULL CHECK (length(btrim(note)) > 0),
  proposed_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE closure_confirmations (
  case_id      BIGINT PRIMARY KEY REFERENCES closure_proposals (case_id),
  confirmed_by TEXT NOT NULL,
  confirmed_at TIMESTAMPTZ NOT NULL
);
CREATE TRIGGER closure_proposals_append_only BEFORE UPDATE OR DELETE ON closure_proposals
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER closure_confirmations_append_only BEFORE UPDATE OR DELETE ON closure_confirmations
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- The second pair of eyes, kept by the database whoever writes: the confirmer is not the proposer.
CREATE FUNCTION check_closure_confirmation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM closure_proposals p WHERE p.case_id = NEW.case_id AND p.proposed_by = NEW.confirmed_by) THEN
    RAISE EXCEPTION 'reviewer % proposed the closure of case %: another reviewer confirms it', NEW.confirmed_by, NEW.case_id;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER closure_confirmations_second_reviewer BEFORE INSERT ON closure_confirmations
  FOR EACH ROW EXECUTE FUNCTION check_closure_confirmation();
