-- Protective measures recorded in a case: the temporary restraining order (tijdelijk huisverbod,
-- DOMAIN.md 5) and stays in the shelter. They set the case's flags.

CREATE TABLE restraining_orders (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  starts_on date NOT NULL,
  -- The last day it applies: 10 days from imposition, at most 28 after an extension.
  ends_on date NOT NULL CHECK (ends_on >= starts_on AND ends_on <= starts_on + 27),
  extended_at timestamptz,
  extended_by uuid REFERENCES users (id),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX restraining_orders_case_idx ON restraining_orders (case_id);

CREATE TABLE shelter_stays (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  person_ids uuid[] NOT NULL CHECK (cardinality(person_ids) >= 1),
  kind text NOT NULL CHECK (kind IN ('crisis', 'follow-on', 'other')),
  starts_on date NOT NULL,
  ended_on date CHECK (ended_on IS NULL OR ended_on >= starts_on),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  ended_by uuid REFERENCES users (id)
);
CREATE INDEX shelter_stays_case_idx ON shelter_stays (case_id);
