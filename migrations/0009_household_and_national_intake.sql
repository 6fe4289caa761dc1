-- Intake, issue 7: one household one case (case links, the household choice at triage), police
-- reports with their own fields, the national statistics' categories, advice requests without a
-- deadline, and the earlier-involvement class as it stood at the safety assessment.

-- A link between two cases, a record of its own: who linked them, when and why. Both cases show it.
CREATE TABLE case_links (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  linked_case_id uuid NOT NULL REFERENCES cases (id),
  reason text NOT NULL,
  report_id uuid REFERENCES reports (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (case_id <> linked_case_id)
);
CREATE INDEX case_links_case_idx ON case_links (case_id);
CREATE INDEX case_links_linked_idx ON case_links (linked_case_id);

-- The household choice made at triage when the report's persons are known in an open case or one
-- closed within 12 months: join (or reopen) that case, or a new case linked to it.
ALTER TABLE triages
  ADD COLUMN household_decision text CHECK (household_decision IN ('join', 'linked-case')),
  ADD COLUMN household_case_id uuid REFERENCES cases (id);

-- Reports the police submitted themselves, with the police's own fields. The submitting
-- organisation sees only what it sent.
ALTER TABLE reports
  ADD COLUMN submitted_by_organisation_id uuid REFERENCES organisations (id),
  ADD COLUMN police_incident_number text,
  ADD COLUMN police_restraining_order_advice text
    CHECK (police_restraining_order_advice IN ('advised', 'not-advised', 'imposed', 'unknown')),
  -- For a non-professional reporter: who they are to the family (the national statistics' kinds).
  ADD COLUMN reporter_relationship text;
CREATE INDEX reports_submitted_by_idx ON reports (submitted_by_organisation_id, received_at)
  WHERE submitted_by_organisation_id IS NOT NULL;

-- An advice request gets no deadline by default: the due dates become optional.
ALTER TABLE reports ALTER COLUMN safety_assessment_due DROP NOT NULL;
ALTER TABLE reports ALTER COLUMN triage_due DROP NOT NULL;

-- The earlier-involvement class as it stood at the safety assessment, kept for the figures.
ALTER TABLE safety_assessments
  ADD COLUMN earlier_involvement text,
  ADD COLUMN earlier_involvement_detail text;

INSERT INTO settings (key, value) VALUES ('advice-deadlines', '{"enabled": false}')
  ON CONFLICT (key) DO NOTHING;

-- The national statistics' remaining groups of the nature of the violence (DOMAIN.md 6), for
-- databases loaded before they were in regions/violence-types.json (a new database gets them
-- from the file; the region loader skips codes that exist).
INSERT INTO violence_types (code, group_code, label_nl, label_en, sort_order, active) VALUES
  ('other-problems', 'other-problems', 'Andere problematiek', 'Other problems', 100, true),
  ('no-domestic-violence-or-child-abuse', 'no-domestic-violence', 'Geen huiselijk geweld of kindermishandeling',
    'No domestic violence or child abuse', 101, true),
  ('violence-unknown', 'unknown', 'Onbekend', 'Unknown', 102, true)
  ON CONFLICT (code) DO NOTHING;
