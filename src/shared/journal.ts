import { z } from "zod";
import { earliestCaseDay, pastDate, text } from "./bounds.ts";

/** What a journal entry records. A `document` entry carries a document; others may. */
export const journalKinds = [
  "contact",
  "conversation",
  "home-visit",
  "third-party-information",
  "document",
] as const;
export type JournalKind = (typeof journalKinds)[number];

/**
 * Who may read an entry: `network` every organisation involved in the case, `organisation` the
 * author's organisation, `director` the case director and the author.
 */
export const journalVisibilities = ["network", "organisation", "director"] as const;
export type JournalVisibility = (typeof journalVisibilities)[number];

/** The earliest day an entry may be about (the region's records start in 2014). */
export const firstJournalDay = earliestCaseDay;
export const maxJournalText = 10_000;
export const maxJournalSource = 300;
/** The persons one entry may name: a household, generously counted. */
export const maxJournalPersons = 30;

const journalText = (max: number) => text(max).min(1);

/** A day an entry may be about: from 2014, not after today (a journal records what happened). */
export const journalDaySchema = pastDate();

export const newJournalEntrySchema = z.strictObject({
  kind: z.enum(journalKinds),
  occurredOn: journalDaySchema,
  text: journalText(maxJournalText),
  source: journalText(maxJournalSource).optional().describe("who gave the information (third parties)"),
  visibility: z.enum(journalVisibilities),
  personIds: z.array(z.uuid()).min(1).max(maxJournalPersons).describe("persons of the case's household"),
  correctsEntryId: z
    .uuid()
    .optional()
    .describe(
      "the entry this one corrects; a correction keeps its visibility, and an entry is corrected once",
    ),
});
export type NewJournalEntry = z.infer<typeof newJournalEntrySchema>;

export const journalDocumentSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});

export const journalEntrySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(journalKinds),
  occurredOn: z.iso.date(),
  text: z.string(),
  source: z.string().optional(),
  visibility: z.enum(journalVisibilities),
  personIds: z.array(z.uuid()),
  author: z.object({ userId: z.uuid(), name: z.string(), organisationId: z.uuid() }),
  recordedAt: z.iso.datetime(),
  correctsEntryId: z.uuid().nullable(),
  correctedByEntryId: z.uuid().nullable().describe("the entry that corrects this one; both stay"),
  document: journalDocumentSchema.nullable(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const journalFilterSchema = z.strictObject({
  kind: z.enum(journalKinds).optional(),
  personId: z.uuid().optional(),
});

/**
 * The document types the journal accepts, by what their bytes are (never by name or claimed
 * type). Office formats are the open and the current Microsoft ones; macro-enabled and legacy
 * binary formats are refused (they carry executable content). Plain text has no signature and is
 * checked on its own.
 */
export const journalDocumentTypes = [
  { mediaType: "application/pdf", extension: "pdf" },
  { mediaType: "image/jpeg", extension: "jpg" },
  { mediaType: "image/png", extension: "png" },
  { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  { mediaType: "application/vnd.oasis.opendocument.text", extension: "odt" },
  { mediaType: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods" },
  { mediaType: "text/plain", extension: "txt" },
] as const;

/** The default upload limit; the server's is configured (JOURNAL_UPLOAD_MAX_BYTES). */
export const defaultJournalUploadMaxBytes = 10 * 1024 * 1024;
