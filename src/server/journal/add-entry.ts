import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { JournalEntry, NewJournalEntry } from "../../shared/journal.ts";
import type { Principal } from "../access/principal.ts";
import { householdIds } from "../cases/case-work.ts";
import type { Db } from "../db/client.ts";
import { cases } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";
import { correctionOf, directorOf, insertDocument, insertEntry, lockEntry, visibleEntry } from "./queries.ts";
import { maySeeEntry, personsOutsideHousehold, refuseCorrection } from "./rules.ts";

/** A document that passed the upload checks (upload.ts). */
export interface CheckedDocument {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * Writes a journal entry (and its document) for a caller who may work on the case. Persons must
 * be of the household; a correction must name an entry of this case the caller can read, that
 * its organisation wrote and that nobody corrected yet.
 */
export async function addJournalEntry(
  tx: Db,
  principal: Principal,
  caseId: string,
  input: NewJournalEntry,
  document: CheckedDocument | undefined,
): Promise<JournalEntry> {
  const personIds = [...new Set(input.personIds.map((id) => id.toLowerCase()))];
  if (input.kind === "document" && document === undefined) {
    throw new AppError("INVALID_INPUT", "A document entry needs its file.", {
      errors: [{ path: "file", message: "upload the document with the entry" }],
    });
  }
  const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  const outside = personsOutsideHousehold(personIds, await householdIds(tx, caseId));
  if (outside.length > 0) {
    throw new AppError("INVALID_INPUT", "Every person must be part of this household.", {
      errors: outside.map((index) => ({ path: `personIds.${index}`, message: "not a person of this case" })),
    });
  }
  const directorUserId = await directorOf(tx, caseId);
  const correctsEntryId = input.correctsEntryId?.toLowerCase();
  if (correctsEntryId !== undefined) {
    const original = await lockEntry(tx, correctsEntryId);
    const viewer = { userId: principal.userId, organisationId: principal.organisationId, directorUserId };
    const audience = original && {
      visibility: original.visibility as JournalEntry["visibility"],
      authorUserId: original.authorUserId,
      authorOrganisationId: original.authorOrganisationId,
    };
    // An entry of another case, or one the caller may not read, is as unknown as a missing one.
    if (!original || !audience || original.caseId !== caseId || !maySeeEntry(audience, viewer)) {
      throw new AppError("INVALID_INPUT", "The entry to correct does not exist in this case.", {
        errors: [{ path: "correctsEntryId", message: "not an entry of this case you can read" }],
      });
    }
    const refusal = refuseCorrection(audience, principal, input.visibility);
    if (refusal?.status === "forbidden") {
      throw new AppError("FORBIDDEN", refusal.detail);
    }
    if (refusal?.status === "invalid") {
      throw new AppError("INVALID_INPUT", "The correction does not fit the entry it corrects.", {
        errors: [{ path: refusal.path, message: refusal.message }],
      });
    }
    if ((await correctionOf(tx, correctsEntryId)) !== undefined) {
      throw new AppError(
        "CONFLICT",
        "This entry has been corrected already; correct the correction instead.",
      );
    }
  }
  const id = randomUUID();
  await insertEntry(tx, {
    id,
    caseId,
    kind: input.kind,
    occurredOn: input.occurredOn,
    text: input.text,
    source: input.source ?? null,
    visibility: input.visibility,
    personIds,
    authorUserId: principal.userId,
    authorOrganisationId: principal.organisationId,
    recordedAt: new Date(),
    correctsEntryId: correctsEntryId ?? null,
  });
  if (document) {
    await insertDocument(tx, {
      entryId: id,
      fileName: document.fileName,
      mediaType: document.mediaType,
      sizeBytes: document.content.length,
      sha256: createHash("sha256").update(document.content).digest("hex"),
      content: document.content,
    });
  }
  const written = await visibleEntry(tx, caseId, id, {
    userId: principal.userId,
    organisationId: principal.organisationId,
    directorUserId,
  });
  if (!written) {
    throw new Error("a journal entry just written is not visible to its author");
  }
  return written;
}
