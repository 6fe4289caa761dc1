-- References come from a sequence per prefix and year (docs/decisions/0014), no longer from a
-- counter row that every creation locked. Each counter becomes its sequence, starting after the
-- last number it gave. Cases get a Dutch prefix, ZAAK: the sequence of a year continues after the
-- last CASE number of that year, so no number repeats within a year; existing CASE- references
-- stay what they are.
DO $$
DECLARE
  counter record;
BEGIN
  FOR counter IN
    SELECT CASE WHEN prefix = 'CASE' THEN 'ZAAK' ELSE prefix END AS prefix, year, max(last) AS last
    FROM reference_counters
    GROUP BY 1, 2
  LOOP
    EXECUTE format(
      'CREATE SEQUENCE %I AS bigint START WITH %s',
      'reference_' || lower(counter.prefix) || '_' || counter.year,
      counter.last + 1
    );
  END LOOP;
END
$$;

DROP TABLE reference_counters;
