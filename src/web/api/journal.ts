import {
  type JournalEntry,
  type JournalKind,
  journalEntrySchema,
  type NewJournalEntry,
} from "../../shared/journal";
import { type PersonSearch, personSearchHitSchema } from "../../shared/person-search";
import { apiBase, apiRequest } from "./client";
import { type Page, pageOf, queryString, withSignal } from "./page";

const journalPageSchema = pageOf(journalEntrySchema);
const searchPageSchema = pageOf(personSearchHitSchema);

/** The journal entries of a case the user may read, newest first. */
export function fetchJournal(
  caseId: string,
  filter: { kind?: JournalKind | undefined; personId?: string | undefined; cursor?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<JournalEntry>> {
  return apiRequest(
    `/cases/${encodeURIComponent(caseId)}/journal-entries${queryString({ ...filter, limit: 25 })}`,
    {
      schema: journalPageSchema,
      ...withSignal(signal),
    },
  );
}

/** Writes an entry (or a correction, with correctsEntryId), with a document when one is given. */
export function writeJournalEntry(
  caseId: string,
  entry: NewJournalEntry,
  file?: File,
): Promise<JournalEntry> {
  if (file === undefined) {
    return apiRequest(`/cases/${encodeURIComponent(caseId)}/journal-entries`, {
      method: "POST",
      body: entry,
      schema: journalEntrySchema,
    });
  }
  const form = new FormData();
  form.append("entry", JSON.stringify(entry));
  form.append("file", file, file.name);
  return apiRequest(`/cases/${encodeURIComponent(caseId)}/journal-documents`, {
    method: "POST",
    body: form,
    schema: journalEntrySchema,
  });
}

/** Where the document of an entry downloads from (by the entry's id: a file name is never in a URL). */
export const journalDocumentUrl = (entryId: string): string =>
  `${apiBase}/journal-entries/${encodeURIComponent(entryId)}/document`;

/** Searches persons within the user's need to know (POST: the name stays out of the URL). */
export function searchPersons(search: PersonSearch, signal?: AbortSignal) {
  return apiRequest("/persons/search", {
    method: "POST",
    body: search,
    schema: searchPageSchema,
    ...withSignal(signal),
  });
}
