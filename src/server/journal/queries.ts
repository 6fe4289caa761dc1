import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { JournalEntry, JournalKind } from "../../shared/journal.ts";
import type { Db } from "../db/client.ts";
import { qualified } from "../db/qualified.ts";
import { cases, journalDocuments, journalEntries, users } from "../db/schema.ts";
import type { JournalViewer } from "./rules.ts";

/**
 * The visibility rule of rules.ts (`maySeeEntry`) as SQL over a journal entry row: the filter is
 * in the query, so an entry the viewer may not read is never loaded. The caller has already
 * established that the viewer's organisation is involved in the case.
 */
export function visibleTo(viewer: JournalViewer): SQL {
  return sql`(${qualified(journalEntries.visibility)} = 'network'
    OR (${qualified(journalEntries.visibility)} = 'organisation'
        AND ${qualified(journalEntries.authorOrganisationId)} = ${viewer.organisationId})
    OR (${qualified(journalEntries.visibility)} = 'director'
        AND (${qualified(journalEntries.authorUserId)} = ${viewer.userId}
             OR ${viewer.directorUserId}::uuid = ${viewer.userId}::uuid)))`;
}

/** The case's director, whom `director` entries are for. */
export async function directorOf(tx: Db, caseId: string): Promise<string | null> {
  const [c] = await tx.select({ director: cases.directorUserId }).from(cases).where(eq(cases.id, caseId));
  return c?.director ?? null;
}

/** The case an entry belongs to: only the id, to authorise before anything of the entry is read. */
export async function caseOfEntry(db: Db, entryId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ caseId: journalEntries.caseId })
    .from(journalEntries)
    .where(eq(journalEntries.id, entryId));
  return row?.caseId;
}

export interface JournalPosition {
  occurredOn: string;
  recordedAt: string;
  id: string;
}

const correctionAlias = sql.identifier("correction");

async function selectEntries(
  tx: Db,
  viewer: JournalViewer,
  where: SQL | undefined,
  limit: number,
): Promise<(JournalEntry & { position: JournalPosition })[]> {
  // The correcting entry is shown only when the viewer may read it too (it always has the same
  // readers as the entry it corrects; the check keeps that true whatever changes).
  const correctedBy = sql<
    string | null
  >`(select ${correctionAlias}.id from ${journalEntries} as ${correctionAlias}
    where ${correctionAlias}.corrects_entry_id = ${qualified(journalEntries.id)}
      and (${correctionAlias}.visibility = 'network'
        or (${correctionAlias}.visibility = 'organisation' and ${correctionAlias}.author_organisation_id = ${viewer.organisationId})
        or (${correctionAlias}.visibility = 'director' and (${correctionAlias}.author_user_id = ${viewer.userId}
            or ${viewer.directorUserId}::uuid = ${viewer.userId}::uuid))))`;
  const rows = await tx
    .select({
      e: journalEntries,
      authorName: users.displayName,
      correctedBy,
      fileName: journalDocuments.fileName,
      mediaType: journalDocuments.mediaType,
      sizeBytes: journalDocuments.sizeBytes,
      recordedAtText: sql<string>`to_char(${qualified(journalEntries.recordedAt)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(journalEntries)
    .innerJoin(users, eq(users.id, journalEntries.authorUserId))
    .leftJoin(journalDocuments, eq(journalDocuments.entryId, journalEntries.id))
    .where(and(visibleTo(viewer), where))
    .orderBy(desc(journalEntries.occurredOn), desc(journalEntries.recordedAt), desc(journalEntries.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.e.id,
    caseId: r.e.caseId,
    kind: r.e.kind as JournalKind,
    occurredOn: r.e.occurredOn,
    text: r.e.text,
    ...(r.e.source === null ? {} : { source: r.e.source }),
    visibility: r.e.visibility as JournalEntry["visibility"],
    personIds: r.e.personIds,
    author: { userId: r.e.authorUserId, name: r.authorName, organisationId: r.e.authorOrganisationId },
    recordedAt: r.e.recordedAt.toISOString(),
    correctsEntryId: r.e.correctsEntryId,
    correctedByEntryId: r.correctedBy,
    document:
      r.fileName === null || r.mediaType === null || r.sizeBytes === null
        ? null
        : { fileName: r.fileName, mediaType: r.mediaType, sizeBytes: r.sizeBytes },
    // Microseconds, so that the cursor does not skip entries recorded in the same millisecond.
    position: { occurredOn: r.e.occurredOn, recordedAt: r.recordedAtText, id: r.e.id },
  }));
}

/** The entries of a case the viewer may read, newest first, from after a position. */
export function listEntries(
  tx: Db,
  caseId: string,
  viewer: JournalViewer,
  filter: { kind?: JournalKind | undefined; personId?: string | undefined },
  after: JournalPosition | undefined,
  limit: number,
) {
  const conditions: SQL[] = [eq(journalEntries.caseId, caseId)];
  if (filter.kind) {
    conditions.push(eq(journalEntries.kind, filter.kind));
  }
  if (filter.personId) {
    conditions.push(sql`${filter.personId}::uuid = ANY(${qualified(journalEntries.personIds)})`);
  }
  if (after) {
    conditions.push(
      sql`(${qualified(journalEntries.occurredOn)}, ${qualified(journalEntries.recordedAt)}, ${qualified(journalEntries.id)})
        < (${after.occurredOn}::date, ${after.recordedAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return selectEntries(tx, viewer, and(...conditions), limit);
}

/** One entry of the case, when the viewer may read it. */
export async function visibleEntry(tx: Db, caseId: string, entryId: string, viewer: JournalViewer) {
  const [entry] = await selectEntries(
    tx,
    viewer,
    and(eq(journalEntries.caseId, caseId), eq(journalEntries.id, entryId)),
    1,
  );
  if (!entry) {
    return undefined;
  }
  const { position: _position, ...rest } = entry;
  return rest;
}

/** An entry's row locked for the transaction: two corrections of one entry wait for each other. */
export async function lockEntry(tx: Db, entryId: string) {
  const [row] = await tx.select().from(journalEntries).where(eq(journalEntries.id, entryId)).for("update");
  return row;
}

export async function correctionOf(tx: Db, entryId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(eq(journalEntries.correctsEntryId, entryId));
  return row?.id;
}

export async function insertEntry(tx: Db, row: typeof journalEntries.$inferInsert): Promise<void> {
  await tx.insert(journalEntries).values(row);
}

export async function insertDocument(tx: Db, row: typeof journalDocuments.$inferInsert): Promise<void> {
  await tx.insert(journalDocuments).values(row);
}

/** The document of an entry (the caller has checked that the entry is visible). */
export async function documentOf(tx: Db, entryId: string) {
  const [row] = await tx.select().from(journalDocuments).where(eq(journalDocuments.entryId, entryId));
  return row;
}
