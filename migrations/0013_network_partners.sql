-- Chain partners inside a case's network (netwerkpartners): joining the network is its own
-- action, distinct from a handover. An invitation names the organisation and its purpose; the
-- partner accepts (then it is involved on the ground 'network-partner') or declines with a reason;
-- the partnership ends when its part ends. Nothing is deleted: the rows are the history.
CREATE TABLE network_partnerships (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  purpose text NOT NULL CHECK (purpose IN ('shelter', 'safety', 'child-protection', 'mental-health',
    'local-support', 'other')),
  purpose_text text NOT NULL DEFAULT '' CHECK (length(purpose_text) <= 1000),
  status text NOT NULL CHECK (status IN ('invited', 'declined', 'withdrawn', 'active', 'ended')),
  invited_by uuid NOT NULL REFERENCES users (id),
  invited_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  invited_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decline_reason text,
  ended_by uuid REFERENCES users (id),
  ended_by_organisation_id uuid REFERENCES organisations (id),
  ended_at timestamptz,
  end_reason text,
  -- Set when recording a shelter stay made the shelter a partner (no invitation to accept).
  shelter_stay_id uuid REFERENCES shelter_stays (id)
);
-- One open partnership (invited or active) per organisation and case; the history may hold many.
CREATE UNIQUE INDEX network_partnerships_one_open ON network_partnerships (case_id, organisation_id)
  WHERE status IN ('invited', 'active');
CREATE INDEX network_partnerships_organisation_idx ON network_partnerships (organisation_id, status);
CREATE INDEX network_partnerships_case_idx ON network_partnerships (case_id);

-- A shelter stay names the shelter that hosts it; stays recorded before this stay unnamed.
ALTER TABLE shelter_stays ADD COLUMN shelter_organisation_id uuid REFERENCES organisations (id);
CREATE INDEX shelter_stays_shelter_idx ON shelter_stays (shelter_organisation_id) WHERE ended_on IS NULL;

-- Notifications about a partnership (invited, accepted, declined, ended) point at it.
ALTER TABLE notifications ADD COLUMN partnership_id uuid REFERENCES network_partnerships (id);
