-- Every person's help as a record of its own, safe closure, and follow-ups after a handover.

-- Help for a person of the household (child, adult victim or alleged perpetrator alike): offered
-- (the referral), started and ended, by which organisation, of what kind. Never deleted and never
-- edited in place: a start and an end are each recorded once on the record, with who and when; a
-- mistake is corrected by a new record and an explicit withdrawal with its reason. The dates stay,
-- so the wait from offer to start can be computed for the steering figures.
CREATE TABLE person_help (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  kind text NOT NULL CHECK (kind IN ('youth-care', 'mental-health', 'victim-support',
    'perpetrator-programme', 'parenting-support', 'practical-support', 'medical', 'other')),
  description text NOT NULL,
  -- The organisation that gives the help: one of Schakel's, or named when it is not in Schakel.
  provider_organisation_id uuid REFERENCES organisations (id),
  provider_name text,
  offered_on date NOT NULL CHECK (offered_on >= DATE '2014-01-01'),
  started_on date CHECK (started_on IS NULL OR started_on >= offered_on),
  started_recorded_by uuid REFERENCES users (id),
  started_recorded_at timestamptz,
  ended_on date CHECK (ended_on IS NULL OR (started_on IS NOT NULL AND ended_on >= started_on)),
  ended_recorded_by uuid REFERENCES users (id),
  ended_recorded_at timestamptz,
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES users (id),
  withdrawn_reason text CHECK (withdrawn_at IS NULL OR withdrawn_reason IS NOT NULL),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (provider_organisation_id IS NOT NULL OR provider_name IS NOT NULL)
);
CREATE INDEX person_help_case_idx ON person_help (case_id, person_id);

-- The help offered so far becomes help records: offered by the organisation that recorded it.
-- help_offered itself stays as it was (nothing is destroyed) but is no longer written.
INSERT INTO person_help (id, case_id, person_id, kind, description, provider_organisation_id,
    offered_on, recorded_by, recorded_by_organisation_id, recorded_at)
  SELECT id, case_id, person_id, 'other', description, recorded_by_organisation_id,
    GREATEST(offered_on, DATE '2014-01-01'), recorded_by, recorded_by_organisation_id, recorded_at
  FROM help_offered;

-- A follow-up follows a closure or a handover that ended the sender's part; its months count from
-- that moment (months_after_closure keeps its name: it is the months after the trigger).
ALTER TABLE follow_ups
  ADD COLUMN trigger text NOT NULL DEFAULT 'closure' CHECK (trigger IN ('closure', 'handover')),
  ADD COLUMN handover_id uuid REFERENCES handovers (id);

-- The sender of a handover says whether its part ends when the receiver accepts (decision 0009).
ALTER TABLE handovers
  ADD COLUMN sender_part text NOT NULL DEFAULT 'continues' CHECK (sender_part IN ('continues', 'ends'));

-- A notification about a follow-up (new violence found) points to it.
ALTER TABLE notifications ADD COLUMN follow_up_id uuid REFERENCES follow_ups (id);

-- The mayor can lift a restraining order before its end; the period as imposed stays on the row.
ALTER TABLE restraining_orders
  ADD COLUMN lifted_at timestamptz,
  ADD COLUMN lifted_by uuid REFERENCES users (id),
  ADD COLUMN lift_reason text CHECK (lifted_at IS NULL OR lift_reason IS NOT NULL);

-- A sender whose part ended keeps reading the case to follow up (never to work on it).
ALTER TABLE case_involvements DROP CONSTRAINT case_involvements_ground_check;
ALTER TABLE case_involvements ADD CONSTRAINT case_involvements_ground_check CHECK (ground IN ('triage',
  'direction', 'pending-handover', 'accepted-handover', 'network-partner', 'mda', 'follow-up'));
