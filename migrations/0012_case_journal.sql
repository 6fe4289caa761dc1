-- The case journal: contacts, conversations, home visits, information from third parties and
-- documents, each with its date, author, organisation, the persons it concerns and who may read
-- it. Entries are never changed: a correction is a new entry that points to the one it corrects.

CREATE TABLE journal_entries (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('contact', 'conversation', 'home-visit', 'third-party-information', 'document')),
  -- The day of the contact, visit or document; never in the future (checked by the application).
  occurred_on date NOT NULL CHECK (occurred_on >= DATE '2014-01-01'),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
  -- Who gave the information (third parties), when it matters.
  source text CHECK (length(source) <= 300),
  -- network: every organisation involved in the case; organisation: the author's organisation;
  -- director: the case director and the author.
  visibility text NOT NULL CHECK (visibility IN ('network', 'organisation', 'director')),
  person_ids uuid[] NOT NULL CHECK (cardinality(person_ids) >= 1),
  author_user_id uuid NOT NULL REFERENCES users (id),
  author_organisation_id uuid NOT NULL REFERENCES organisations (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  corrects_entry_id uuid REFERENCES journal_entries (id)
);
CREATE INDEX journal_entries_case_idx ON journal_entries (case_id, occurred_on DESC, recorded_at DESC, id);
-- An entry is corrected once: a further correction corrects the correction. Two people correcting
-- the same entry at the same time cannot both succeed.
CREATE UNIQUE INDEX journal_entries_corrects_once ON journal_entries (corrects_entry_id)
  WHERE corrects_entry_id IS NOT NULL;

-- A document attached to an entry, in the database so app servers keep no files. The file name
-- is personal data: it is shown in the journal and sent in the download, never logged.
CREATE TABLE journal_documents (
  entry_id uuid PRIMARY KEY REFERENCES journal_entries (id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL
);

-- Nothing in the journal is changed or removed through the application. Only the retention run
-- (which sets schakel.retention for its transaction and logs what it destroys) may delete.
CREATE FUNCTION journal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('schakel.retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'journal entries are never changed; write a correction' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_documents_append_only BEFORE UPDATE OR DELETE ON journal_documents
  FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
