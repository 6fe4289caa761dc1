-- A report shows its persons as they were reported, also after an intake worker confirmed one of
-- them as a person Schakel already knew (person_id then points to the known person; the record as
-- reported stays, merged into it).
ALTER TABLE report_persons ADD COLUMN reported_person_id uuid REFERENCES persons (id);
UPDATE report_persons SET reported_person_id = person_id;
ALTER TABLE report_persons ALTER COLUMN reported_person_id SET NOT NULL;
