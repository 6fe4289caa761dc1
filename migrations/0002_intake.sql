-- Intake: reports and advice requests, the persons in them, "known elsewhere?" matching, the
-- safety assessment with its risk checklist, triage, and the case and handover tables it opens.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Settings that are configuration rather than code (deadline defaults and the like).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO settings (key, value) VALUES
  ('deadlines', '{"safetyAssessmentWorkingDays": 5, "triageWorkingDays": 5, "acuteWorkingDays": 0, "handoverAcceptanceWorkingDays": 5}');

-- Days the government designates as non-working by decree, per year (besides the public holidays).
CREATE TABLE extra_non_working_days (
  day date PRIMARY KEY,
  reason text NOT NULL
);

-- Risk checklists are configuration: items, weights and thresholds, versioned.
CREATE TABLE risk_checklists (
  id text NOT NULL,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

-- A known person: one row per identity Schakel has seen. Keys for matching are computed by the
-- application (normalise.ts) and indexed here for trigram and exact look-ups.
ALTER TABLE persons
  ADD COLUMN first_name text,
  ADD COLUMN last_name text,
  ADD COLUMN birth_date date,
  ADD COLUMN bsn text CHECK (bsn ~ '^[0-9]{9}$'),
  ADD COLUMN street text,
  ADD COLUMN house_number text,
  ADD COLUMN postcode text,
  ADD COLUMN city text,
  ADD COLUMN surname_key text,
  ADD COLUMN first_name_key text,
  ADD COLUMN merged_into uuid REFERENCES persons (id);
CREATE INDEX persons_bsn_idx ON persons (bsn) WHERE bsn IS NOT NULL;
CREATE INDEX persons_surname_trgm_idx ON persons USING gin (surname_key gin_trgm_ops);
CREATE INDEX persons_birth_date_idx ON persons (birth_date);
CREATE INDEX persons_address_idx ON persons (postcode, house_number) WHERE postcode IS NOT NULL;

CREATE TABLE reports (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  region_id uuid NOT NULL REFERENCES regions (id),
  receiving_organisation_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('advice', 'report')),
  status text NOT NULL CHECK (status IN ('awaiting-assessment', 'awaiting-triage', 'triaged')),
  received_at timestamptz NOT NULL,
  received_on date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('phone', 'web', 'police', 'mail', 'in-person')),
  reporter_category text NOT NULL,
  reporter_sector text,
  -- The reporter's identity: visible to the centre only, never in logs or other organisations' views.
  reporter_name text,
  reporter_organisation text,
  reporter_contact text,
  municipality_code text NOT NULL REFERENCES municipalities (code),
  violence_types text[] NOT NULL DEFAULT '{}',
  narrative text NOT NULL,
  acute_concern boolean NOT NULL,
  safety_assessment_due date NOT NULL,
  triage_due date NOT NULL,
  earlier_involvement text NOT NULL DEFAULT 'first',
  earlier_involvement_detail text,
  case_id uuid REFERENCES cases (id),
  recurrence boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reports_queue_idx ON reports (status, safety_assessment_due);
CREATE INDEX reports_case_idx ON reports (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX reports_municipality_idx ON reports (municipality_code, received_on);

-- Every change of kind (advice ↔ report) with its reason.
CREATE TABLE report_kind_changes (
  id uuid PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES reports (id),
  from_kind text NOT NULL,
  to_kind text NOT NULL,
  reason text NOT NULL,
  changed_by uuid NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE report_persons (
  report_id uuid NOT NULL REFERENCES reports (id),
  person_key text NOT NULL,
  person_id uuid NOT NULL REFERENCES persons (id),
  role text NOT NULL CHECK (role IN ('victim', 'alleged-perpetrator', 'child-witness', 'other')),
  PRIMARY KEY (report_id, person_key)
);
CREATE INDEX report_persons_person_idx ON report_persons (person_id);

CREATE TABLE report_relations (
  report_id uuid NOT NULL REFERENCES reports (id),
  from_key text NOT NULL,
  to_key text NOT NULL,
  type text NOT NULL CHECK (type IN ('partner', 'ex-partner', 'parent', 'sibling', 'carer', 'other')),
  PRIMARY KEY (report_id, from_key, to_key, type)
);

-- Candidates found for a report's persons; a human confirms or dismisses each.
CREATE TABLE report_matches (
  id uuid PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES reports (id),
  person_key text NOT NULL,
  candidate_person_id uuid NOT NULL REFERENCES persons (id),
  case_id uuid REFERENCES cases (id),
  score real NOT NULL,
  reasons text[] NOT NULL,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'dismissed')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  UNIQUE (report_id, person_key, candidate_person_id)
);

CREATE TABLE safety_assessments (
  id uuid PRIMARY KEY,
  report_id uuid REFERENCES reports (id),
  case_id uuid REFERENCES cases (id),
  acute_unsafety boolean NOT NULL,
  structural_unsafety boolean NOT NULL,
  immediate_measures text[] NOT NULL DEFAULT '{}',
  notes text,
  checklist_id text,
  checklist_version integer,
  checklist_answers jsonb,
  checklist_score integer,
  checklist_level text,
  professional_level text,
  assessed_by uuid NOT NULL REFERENCES users (id),
  assessed_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  assessed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (report_id IS NOT NULL OR case_id IS NOT NULL)
);
CREATE INDEX safety_assessments_report_idx ON safety_assessments (report_id, assessed_at);
CREATE INDEX safety_assessments_case_idx ON safety_assessments (case_id, assessed_at);

CREATE TABLE triages (
  report_id uuid PRIMARY KEY REFERENCES reports (id),
  route text NOT NULL CHECK (route IN ('close-with-advice', 'handover', 'conditions-and-follow-up',
    'investigation', 'mda')),
  to_organisation_id uuid REFERENCES organisations (id),
  rationale text NOT NULL,
  case_id uuid REFERENCES cases (id),
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK (route <> 'handover' OR to_organisation_id IS NOT NULL)
);

-- The case's household and its state; the full case capabilities build on these.
ALTER TABLE cases
  ADD COLUMN phase text NOT NULL DEFAULT 'safety' CHECK (phase IN ('safety', 'risk-driven-care', 'recovery')),
  ADD COLUMN direction text NOT NULL DEFAULT 'regional' CHECK (direction IN ('local', 'regional')),
  ADD COLUMN director_user_id uuid REFERENCES users (id),
  ADD COLUMN director_organisation_id uuid REFERENCES organisations (id),
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN close_reason text;

CREATE TABLE case_persons (
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  role text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, person_id)
);
CREATE INDEX case_persons_person_idx ON case_persons (person_id);

CREATE TABLE handovers (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  from_organisation_id uuid NOT NULL REFERENCES organisations (id),
  to_organisation_id uuid NOT NULL REFERENCES organisations (id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
  note text,
  warm_handover_at timestamptz,
  due_on date NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decline_reason text
);
CREATE INDEX handovers_to_idx ON handovers (to_organisation_id, status);
CREATE INDEX handovers_from_idx ON handovers (from_organisation_id, status);
CREATE INDEX handovers_case_idx ON handovers (case_id);

-- Human-readable references per year: VT-2026-000123 (reports), CASE-2026-000045 (cases).
CREATE TABLE reference_counters (
  prefix text NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (prefix, year)
);
