-- The centre's own routes (issue 7, item 4): why the centre keeps a case, its trajectories
-- (investigation, conditions-and-follow-up) with start, period and outcome, its tasks towards the
-- reporter and the family, crisis, requests to the child protection board, and keeping a
-- reporter's identity from the family.

-- The crisis route joins the triage routes.
ALTER TABLE triages DROP CONSTRAINT triages_route_check;
ALTER TABLE triages ADD CONSTRAINT triages_route_check CHECK (route IN ('close-with-advice', 'handover',
  'conditions-and-follow-up', 'investigation', 'mda', 'crisis'));

ALTER TABLE triages ADD COLUMN keep_reason text CHECK (keep_reason IN (
  'direct-intervention', 'insufficient-information', 'family-refuses-help', 'anonymity-promised'));

-- A trajectory the centre runs itself. The period (weeks) is the one in force when it started;
-- the due date counts from the start. Lateness is computed from due_on and completed_on, so it
-- stays visible after the trajectory is done.
CREATE TABLE centre_trajectories (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  report_id uuid NOT NULL REFERENCES reports (id),
  kind text NOT NULL CHECK (kind IN ('investigation', 'conditions-and-follow-up')),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  triaged_on date NOT NULL,
  created_at timestamptz NOT NULL,
  started_on date,
  weeks integer CHECK (weeks BETWEEN 1 AND 104),
  due_on date,
  started_by uuid REFERENCES users (id),
  started_at timestamptz,
  completed_on date,
  completed_by uuid REFERENCES users (id),
  completed_at timestamptz,
  outcome_notes text,
  -- conditions-and-follow-up: the plan version whose conditions were snapshot at the outcome
  plan_version integer,
  CHECK ((started_on IS NULL) = (due_on IS NULL) AND (started_on IS NULL) = (weeks IS NULL)),
  CHECK (started_on IS NULL OR started_on >= triaged_on),
  CHECK (completed_on IS NULL OR (started_on IS NOT NULL AND completed_on >= started_on))
);
CREATE INDEX centre_trajectories_case_idx ON centre_trajectories (case_id);
CREATE INDEX centre_trajectories_open_idx ON centre_trajectories (organisation_id) WHERE completed_on IS NULL;
-- One running trajectory of a kind per case: a second report on the household joins it.
CREATE UNIQUE INDEX centre_trajectories_one_open ON centre_trajectories (case_id, kind) WHERE completed_on IS NULL;

CREATE TABLE investigation_findings (
  trajectory_id uuid NOT NULL REFERENCES centre_trajectories (id),
  violence_type text NOT NULL,
  finding text NOT NULL CHECK (finding IN ('confirmed', 'not-confirmed', 'refuted')),
  PRIMARY KEY (trajectory_id, violence_type)
);

-- The safety plan's conditions as they stood at a conditions-and-follow-up outcome (a snapshot;
-- the plan stays the one document where conditions are kept).
CREATE TABLE trajectory_conditions (
  trajectory_id uuid NOT NULL REFERENCES centre_trajectories (id),
  position integer NOT NULL,
  condition_id text NOT NULL,
  text text NOT NULL,
  met boolean NOT NULL,
  PRIMARY KEY (trajectory_id, position)
);

-- Feedback to the reporter and informing the family: tasks with a due date, and when done the
-- date and what was said. Created automatically, once each.
CREATE TABLE centre_tasks (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('reporter-feedback-assessment', 'reporter-feedback-investigation', 'inform-family')),
  report_id uuid NOT NULL REFERENCES reports (id),
  case_id uuid REFERENCES cases (id),
  trajectory_id uuid REFERENCES centre_trajectories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  due_on date NOT NULL,
  created_at timestamptz NOT NULL,
  done_on date,
  done_notes text,
  done_by uuid REFERENCES users (id),
  done_at timestamptz,
  CHECK ((done_on IS NULL) = (done_notes IS NULL))
);
CREATE UNIQUE INDEX centre_tasks_once ON centre_tasks (report_id, kind, coalesce(trajectory_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX centre_tasks_open_idx ON centre_tasks (organisation_id, due_on) WHERE done_on IS NULL;
CREATE INDEX centre_tasks_case_idx ON centre_tasks (case_id);

-- A crisis route: the case asks for a restraining order or shelter stay until one is recorded.
CREATE TABLE case_crises (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  report_id uuid NOT NULL REFERENCES reports (id) UNIQUE,
  opened_at timestamptz NOT NULL,
  opened_by uuid NOT NULL REFERENCES users (id),
  opened_by_organisation_id uuid NOT NULL REFERENCES organisations (id)
);
CREATE INDEX case_crises_case_idx ON case_crises (case_id);

-- A request to the child protection board (Raad voor de Kinderbescherming) to investigate, and its answer.
CREATE TABLE board_requests (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  requested_on date NOT NULL,
  question text NOT NULL,
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  requested_at timestamptz NOT NULL,
  answered_on date,
  outcome text CHECK (outcome IN ('declined', 'no-measure', 'measure-requested', 'other')),
  answer text,
  answer_recorded_by uuid REFERENCES users (id),
  answer_recorded_at timestamptz,
  CHECK ((answered_on IS NULL) = (outcome IS NULL) AND (answered_on IS NULL) = (answer IS NULL)),
  CHECK (answered_on IS NULL OR answered_on >= requested_on)
);
CREATE INDEX board_requests_case_idx ON board_requests (case_id);

-- Whether the centre keeps a report's reporter from the family, and why. Every decision is a new
-- row; the newest one holds.
CREATE TABLE reporter_protections (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  report_id uuid NOT NULL REFERENCES reports (id),
  protected boolean NOT NULL,
  reason text,
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  decided_at timestamptz NOT NULL,
  CHECK (NOT protected OR reason IS NOT NULL)
);
CREATE INDEX reporter_protections_report_idx ON reporter_protections (report_id, seq);
