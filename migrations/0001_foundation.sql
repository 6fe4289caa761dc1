-- Foundation: region data, accounts and sessions, case involvement (minimal), the audit log.

CREATE TABLE regions (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL
);

CREATE TABLE municipalities (
  code text PRIMARY KEY CHECK (code ~ '^GM[0-9]{4}$'),
  region_id uuid NOT NULL REFERENCES regions (id),
  name text NOT NULL,
  inhabitants integer NOT NULL CHECK (inhabitants >= 0),
  is_centre_municipality boolean NOT NULL DEFAULT false
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  region_id uuid NOT NULL REFERENCES regions (id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('centre', 'local-team', 'shelter', 'police', 'child-protection',
    'mda-team', 'municipality', 'region', 'other')),
  municipality_code text REFERENCES municipalities (code),
  UNIQUE (region_id, name)
);

CREATE TABLE violence_types (
  code text PRIMARY KEY,
  group_code text NOT NULL,
  label_nl text NOT NULL,
  label_en text NOT NULL,
  sort_order integer NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  totp_secret text,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- The session token never reaches the database: only its SHA-256 is stored.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Keys are "account:<sha256 of the lower-cased username>" or "address:<remote address>".
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  blocked_until timestamptz
);

-- Persons and cases are filled by intake and case work; here only what access and audit need.
CREATE TABLE persons (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  region_id uuid NOT NULL REFERENCES regions (id),
  municipality_code text NOT NULL REFERENCES municipalities (code),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Involvement drives access: an organisation sees a case while it has an involvement without
-- ended_at. The ground is the legal and practical reason, shown in the audit log.
CREATE TABLE case_involvements (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  ground text NOT NULL CHECK (ground IN ('triage', 'direction', 'pending-handover', 'accepted-handover',
    'network-partner', 'mda')),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
CREATE INDEX case_involvements_active_idx ON case_involvements (organisation_id, case_id) WHERE ended_at IS NULL;
CREATE INDEX case_involvements_case_idx ON case_involvements (case_id);

-- The access log (NEN 7513). Append-only: a trigger refuses UPDATE and DELETE for everyone,
-- the application included. Each entry's hash covers its content and the previous hash.
CREATE TABLE audit_entries (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  user_id uuid,
  role text,
  organisation_id uuid,
  on_behalf_of text,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  case_id uuid,
  person_ids uuid[] NOT NULL DEFAULT '{}',
  ground text,
  emergency boolean NOT NULL DEFAULT false,
  remote_address text,
  request_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_entries_at_idx ON audit_entries (at);
CREATE INDEX audit_entries_user_idx ON audit_entries (user_id, seq);
CREATE INDEX audit_entries_case_idx ON audit_entries (case_id, seq) WHERE case_id IS NOT NULL;
CREATE INDEX audit_entries_persons_idx ON audit_entries USING gin (person_ids);

-- The one row that links the chain; locked only at the very end of a writing transaction.
CREATE TABLE audit_chain_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entries_append_only
  BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
CREATE TRIGGER audit_entries_no_truncate
  BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
