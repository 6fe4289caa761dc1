-- Case work: the versioned safety plan, the case's history, help offered to children,
-- closure with follow-ups, and in-app notifications.

-- Every save of the plan is a new row; the newest version is the plan. Nothing is overwritten.
CREATE TABLE safety_plan_versions (
  case_id uuid NOT NULL REFERENCES cases (id),
  version integer NOT NULL CHECK (version >= 1),
  plan jsonb NOT NULL,
  author_user_id uuid REFERENCES users (id),
  author_organisation_id uuid REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, version)
);

-- The case's history: every change, who (user and organisation), when and what. Append-only.
CREATE TABLE case_events (
  id uuid PRIMARY KEY,
  -- Several events of one action share their time; the sequence keeps the order they happened in.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  case_id uuid NOT NULL REFERENCES cases (id),
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users (id),
  organisation_id uuid REFERENCES organisations (id),
  kind text NOT NULL,
  reason text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case_idx ON case_events (case_id, at, seq);

CREATE TABLE help_offered (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  offered_on date NOT NULL,
  description text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX help_offered_case_idx ON help_offered (case_id, person_id);

-- Follow-up moments after closure (+3, +6, +12 months), owned by the organisation that closed.
CREATE TABLE follow_ups (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  months_after_closure integer NOT NULL,
  due_on date NOT NULL,
  outcome text CHECK (outcome IN ('safe', 'concerns', 'new-violence')),
  notes text,
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz,
  cancelled_at timestamptz
);
CREATE INDEX follow_ups_due_idx ON follow_ups (organisation_id, due_on) WHERE outcome IS NULL AND cancelled_at IS NULL;
CREATE INDEX follow_ups_case_idx ON follow_ups (case_id);

-- In-app notifications for an organisation (handover received, accepted, declined, overdue).
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL,
  case_id uuid REFERENCES cases (id),
  handover_id uuid REFERENCES handovers (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  read_by uuid REFERENCES users (id)
);
CREATE INDEX notifications_unread_idx ON notifications (organisation_id, created_at) WHERE read_at IS NULL;
-- One overdue notice per handover, however often the deadline sweep runs.
CREATE UNIQUE INDEX notifications_overdue_once ON notifications (handover_id) WHERE kind = 'handover-overdue';

-- Waiting time of a handover for the steering figures: decided_at - created_at, kept on the row.
ALTER TABLE handovers ADD COLUMN decided_by_organisation_id uuid REFERENCES organisations (id);
