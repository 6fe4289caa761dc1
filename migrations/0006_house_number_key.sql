-- House numbers are compared in normalised form (normaliseHouseNumber in
-- src/server/intake/matching/normalise.ts): "12 A" and "12-a" are "12a", but "13-6" stays apart
-- from "136". Stored beside what was typed and indexed with the postcode.
ALTER TABLE persons ADD COLUMN house_number_key text;
UPDATE persons
SET house_number_key = replace(
  regexp_replace(
    regexp_replace(lower(trim(house_number)), '([0-9])[[:space:]-]+([0-9])', '\1/\2', 'g'),
    '[[:space:]-]+', '', 'g'),
  '/', '-')
WHERE house_number IS NOT NULL;
DROP INDEX persons_address_idx;
CREATE INDEX persons_address_idx ON persons (postcode, house_number_key) WHERE postcode IS NOT NULL;
