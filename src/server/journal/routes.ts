import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { caseEventDate, line, token } from "../../shared/bounds.ts";
import {
  journalEntrySchema,
  journalFilterSchema,
  type NewJournalEntry,
  newJournalEntrySchema,
} from "../../shared/journal.ts";
import { authorizeCaseWork } from "../access/policy.ts";
import { accessOf } from "../access/route-guard.ts";
import type { Db } from "../db/client.ts";
import { AppError, notFound } from "../errors.ts";
import { decodeCursor, encodeCursor, pageSchema } from "../http/pagination.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { addJournalEntry, type CheckedDocument } from "./add-entry.ts";
import { onJournal } from "./frame.ts";
import { caseOfEntry, documentOf, listEntries, visibleEntry } from "./queries.ts";
import { attachmentDisposition, cleanFileName, detectDocumentType } from "./upload.ts";

const caseParams = z.strictObject({ id: z.uuid() });
const entryParams = z.strictObject({ id: z.uuid() });
const positionCursor = z.object({ occurredOn: caseEventDate(), recordedAt: line(40), id: z.uuid() });
/** The entry as JSON in the multipart upload: generous for 10,000 characters of any script. */
const maxEntryFieldBytes = 128 * 1024;

/** Ids arrive in any case (UUIDs are case-insensitive); compared in code, they must be one form. */
const lower = (id: string) => id.toLowerCase();

/** Two people correcting one entry at once: the unique index lets one through; the other gets 409. */
function conflictOnSecondCorrection(error: unknown): never {
  const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? error;
  const { code, constraint } = cause as { code?: string; constraint?: string };
  if (code === "23505" && (constraint === undefined || constraint === "journal_entries_corrects_once")) {
    throw new AppError("CONFLICT", "This entry has been corrected already; correct the correction instead.");
  }
  throw error;
}

async function entryCase(db: Db, entryId: string): Promise<string> {
  const caseId = await caseOfEntry(db, entryId);
  if (caseId === undefined) {
    throw notFound();
  }
  return caseId;
}

/** The entry and the file of a multipart upload, read completely before any transaction opens. */
async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ entry: NewJournalEntry; document: CheckedDocument }> {
  if (!request.isMultipart()) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the entry and its document as multipart/form-data (fields: entry, file).",
    );
  }
  let entryField: string | undefined;
  let file: { content: Buffer; fileName: string | undefined } | undefined;
  for await (const part of request.parts({
    limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3, fieldSize: maxEntryFieldBytes },
  })) {
    if (part.type === "file") {
      if (part.fieldname !== "file") {
        throw new AppError("INVALID_INPUT", "The upload has an unexpected file field.", {
          errors: [{ path: part.fieldname.slice(0, 40), message: "send the document as the field file" }],
        });
      }
      file = { content: await part.toBuffer(), fileName: part.filename };
    } else if (part.fieldname === "entry" && typeof part.value === "string") {
      if (part.valueTruncated) {
        throw new AppError("PAYLOAD_TOO_LARGE", "The entry is too large.");
      }
      entryField = part.value;
    } else {
      throw new AppError("INVALID_INPUT", "The upload has an unexpected field.", {
        errors: [
          { path: part.fieldname.slice(0, 40), message: "only the fields entry and file are accepted" },
        ],
      });
    }
  }
  const errors: { path: string; message: string }[] = [];
  let entry: NewJournalEntry | undefined;
  if (entryField === undefined) {
    errors.push({ path: "entry", message: "the entry (JSON) is missing" });
  } else {
    let json: unknown;
    try {
      json = JSON.parse(entryField);
    } catch {
      errors.push({ path: "entry", message: "not valid JSON" });
    }
    if (json !== undefined) {
      const parsed = newJournalEntrySchema.safeParse(json);
      if (parsed.success) {
        entry = parsed.data;
      } else {
        errors.push(
          ...parsed.error.issues.map((issue) => ({
            path: ["entry", ...issue.path.map(String)].join("."),
            message: issue.message,
          })),
        );
      }
    }
  }
  if (file === undefined) {
    errors.push({ path: "file", message: "the document is missing" });
  }
  if (errors.length > 0 || entry === undefined || file === undefined) {
    throw new AppError(
      "INVALID_INPUT",
      `The upload has ${errors.length} invalid field${errors.length === 1 ? "" : "s"}.`,
      {
        errors,
      },
    );
  }
  const mediaType = await detectDocumentType(file.content);
  return {
    entry,
    document: { content: file.content, mediaType, fileName: cleanFileName(file.fileName, mediaType) },
  };
}

/** The case journal: list, read, write (with or without a document), corrections, downloads. */
export function registerJournalRoutes(app: App, { database, config }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/cases/:id/journal-entries",
    {
      config: { access: { action: "journal.read" } },
      schema: {
        tags: ["journal"],
        summary: "The case journal (journaal): the entries the caller may read, newest first",
        params: caseParams,
        querystring: journalFilterSchema.extend({
          limit: z.coerce.number().int().min(1).max(100).default(50),
          cursor: token(300).optional(),
        }),
        response: { 200: pageSchema(journalEntrySchema) },
      },
    },
    async (request) => {
      const caseId = lower(request.params.id);
      const { kind, personId, limit, cursor } = request.query;
      const after = decodeCursor(cursor, positionCursor);
      return onJournal(db, request, caseId, "read", async ({ tx, viewer, audit }) => {
        const rows = await listEntries(
          tx,
          caseId,
          viewer,
          { kind, personId: personId === undefined ? undefined : lower(personId) },
          after,
          limit + 1,
        );
        const page = rows.slice(0, limit);
        audit({
          action: "journal.list",
          subjectType: "case",
          subjectId: caseId,
          personIds: personId === undefined ? [] : [lower(personId)],
        });
        for (const entry of page) {
          audit({
            action: "journal.read",
            subjectType: "journal-entry",
            subjectId: entry.id,
            personIds: entry.personIds,
          });
        }
        const last = page[page.length - 1];
        return {
          items: page.map(({ position: _position, ...entry }) => entry),
          nextCursor: rows.length > limit && last ? encodeCursor({ ...last.position }) : null,
        };
      });
    },
  );

  app.post(
    "/cases/:id/journal-entries",
    {
      config: { access: { action: "journal.write" } },
      schema: {
        tags: ["journal"],
        summary: "Write a journal entry, or a correction of one (correctsEntryId); entries are never edited",
        params: caseParams,
        body: newJournalEntrySchema,
        response: { 201: journalEntrySchema },
      },
    },
    async (request, reply) => {
      const caseId = lower(request.params.id);
      const entry = await onJournal(db, request, caseId, "work", async ({ tx, principal, audit }) => {
        const written = await addJournalEntry(tx, principal, caseId, request.body, undefined);
        audit({
          action: written.correctsEntryId ? "journal.correct" : "journal.write",
          subjectType: "journal-entry",
          subjectId: written.id,
          personIds: written.personIds,
        });
        return written;
      }).catch(conflictOnSecondCorrection);
      return reply.code(201).send(entry);
    },
  );

  // Multipart is accepted by this route only, with the configured size limit.
  void app.register(async (uploads) => {
    await uploads.register(multipart, {
      limits: { fileSize: config.journalUploadMaxBytes, files: 1, fields: 2, parts: 3 },
    });
    uploads.withTypeProvider<ZodTypeProvider>().post(
      "/cases/:id/journal-documents",
      {
        config: { access: { action: "journal.write" } },
        schema: {
          tags: ["journal"],
          summary:
            "Write a journal entry with a document: multipart/form-data with the field entry (the entry as JSON) and the field file",
          description: `Accepted: PDF, JPEG, PNG, Word (.docx), Excel (.xlsx), OpenDocument text and spreadsheet, plain text — decided by the file's bytes. Larger than the limit (default 10 MB): 413; another type: 415.`,
          consumes: ["multipart/form-data"],
          params: caseParams,
          response: { 201: journalEntrySchema },
        },
      },
      async (request, reply) => {
        const caseId = lower(request.params.id);
        const { principal } = accessOf(request);
        // Refuse before receiving the file: 404 for a case the caller may not see, 403 while a
        // pending handover only lets it read. Only involvement rows are read here.
        await db.transaction((tx) => authorizeCaseWork(tx, principal, caseId));
        // The upload is read before the transaction opens: a slow client never holds it open.
        const { entry, document } = await readUpload(request, config.journalUploadMaxBytes);
        const written = await onJournal(db, request, caseId, "work", async ({ tx, audit }) => {
          const result = await addJournalEntry(tx, principal, caseId, entry, document);
          audit({
            action: result.correctsEntryId ? "journal.correct" : "journal.write",
            subjectType: "journal-entry",
            subjectId: result.id,
            personIds: result.personIds,
          });
          return result;
        }).catch(conflictOnSecondCorrection);
        return reply.code(201).send(written);
      },
    );
  });

  app.get(
    "/journal-entries/:id",
    {
      config: { access: { action: "journal.read" } },
      schema: {
        tags: ["journal"],
        summary: "One journal entry; 404 when the caller may not read it",
        params: entryParams,
        response: { 200: journalEntrySchema },
      },
    },
    async (request) => {
      const entryId = lower(request.params.id);
      const caseId = await entryCase(db, entryId);
      return onJournal(db, request, caseId, "read", async ({ tx, viewer, audit }) => {
        const entry = await visibleEntry(tx, caseId, entryId, viewer);
        if (!entry) {
          throw notFound();
        }
        audit({
          action: "journal.read",
          subjectType: "journal-entry",
          subjectId: entryId,
          personIds: entry.personIds,
        });
        return entry;
      });
    },
  );

  app.get(
    "/journal-entries/:id/document",
    {
      config: { access: { action: "journal.read" } },
      schema: {
        tags: ["journal"],
        summary:
          "Download the document of a journal entry (always as an attachment); 404 when the caller may not read the entry",
        params: entryParams,
      },
    },
    async (request, reply) => {
      const entryId = lower(request.params.id);
      const caseId = await entryCase(db, entryId);
      const file = await onJournal(db, request, caseId, "read", async ({ tx, viewer, audit }) => {
        const entry = await visibleEntry(tx, caseId, entryId, viewer);
        const document = entry?.document ? await documentOf(tx, entryId) : undefined;
        if (!entry || !document) {
          throw notFound();
        }
        audit({
          action: "journal.document.download",
          subjectType: "journal-entry",
          subjectId: entryId,
          personIds: entry.personIds,
        });
        return document;
      });
      return reply
        .code(200)
        .header("Content-Type", file.mediaType)
        .header("Content-Disposition", attachmentDisposition(file.fileName))
        .header("Content-Length", String(file.content.length))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .send(file.content);
    },
  );
}
