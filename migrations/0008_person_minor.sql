-- Whether a person is a minor, as stated at intake (yes / no / unknown). A birth date, when there
-- is one, decides instead (src/shared/minors.ts): the stated answer is for persons whose birth date
-- nobody knows, so that a child without a birth date is still flagged and "unknown" is checked.
ALTER TABLE persons
  ADD COLUMN minor text NOT NULL DEFAULT 'unknown' CHECK (minor IN ('yes', 'no', 'unknown'));
