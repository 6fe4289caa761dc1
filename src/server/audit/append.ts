import { and, asc, eq, gt, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { auditChainHead, auditEntries } from "../db/schema.ts";
import {
  type AuditContent,
  addBrokenRange,
  type BrokenRange,
  type ChainRow,
  chainHash,
  checkChain,
  genesisAnchor,
} from "./chain.ts";
import { storableEntry } from "./storable-entry.ts";

export type PendingEntry = Omit<AuditContent, "seq">;

/**
 * Links pending entries into the chain and inserts them. Call it last in the transaction: the
 * head row lock it takes is what serialises concurrent writers, so it is held only from here
 * to commit. Entries are hashed in the form the database stores them (storableEntry), and the
 * rows as stored are checked against their hashes before commit: a value the database changes
 * on the way in fails this request instead of breaking the chain for good.
 */
export async function appendToChain(tx: Db, pending: PendingEntry[]): Promise<void> {
  if (pending.length === 0) {
    return;
  }
  const [head] = await tx
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1))
    .for("update");
  if (!head) {
    throw new Error("The audit chain head is missing; the database was not migrated.");
  }
  let prevHash = head.hash;
  let seq = head.seq;
  const rows = pending.map((entry) => {
    seq += 1;
    const content: AuditContent = { ...storableEntry(entry), seq };
    const hash = chainHash(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  const stored = (await tx.insert(auditEntries).values(rows).returning()) as ChainRow[];
  const altered = stored.find((row) => chainHash(row.prevHash, row) !== row.hash);
  if (altered || stored.length !== rows.length) {
    throw new Error("An audit entry was stored other than it was hashed; nothing was written.");
  }
  await tx.update(auditChainHead).set({ seq, hash: prevHash }).where(eq(auditChainHead.id, 1));
}

export interface VerifyResult {
  ok: boolean;
  /** Entries found intact before the first broken one: all entries checked when none is. */
  entries: number;
  /** Entries read and checked, broken ones included. */
  checked: number;
  /** Every run of entries that does not hold, oldest first. */
  brokenRanges: BrokenRange[];
}

/**
 * Walks the whole chain in batches and reports every range of entries that does not hold,
 * going on past each break. The head is read first, so entries appended while the walk runs
 * are left for the next verification rather than mistaken for a break.
 */
export async function verifyChain(db: Db, batchSize = 5000): Promise<VerifyResult> {
  const [head] = await db
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1));
  if (!head) {
    throw new Error("The audit chain head is missing; the database was not migrated.");
  }
  let anchor = genesisAnchor;
  let checked = 0;
  const ranges: BrokenRange[] = [];
  for (;;) {
    const batch = (await db
      .select()
      .from(auditEntries)
      .where(and(gt(auditEntries.seq, anchor.seq), lte(auditEntries.seq, head.seq)))
      .orderBy(asc(auditEntries.seq))
      .limit(batchSize)) as ChainRow[];
    if (batch.length === 0) {
      break;
    }
    const result = checkChain(batch, anchor);
    for (const range of result.broken) {
      addBrokenRange(ranges, range);
    }
    checked += batch.length;
    anchor = result.anchor;
  }
  const now = new Date();
  if (anchor.seq !== head.seq || anchor.hash !== head.hash) {
    // Entries removed from the end (the head points past the last row), or the last re-hashed.
    const removed = anchor.seq < head.seq;
    addBrokenRange(ranges, {
      fromSeq: removed ? anchor.seq + 1 : head.seq,
      toSeq: head.seq,
      fromAt: anchor.at ?? now,
      toAt: removed ? now : (anchor.at ?? now),
    });
  }
  // Rows past the head were never linked by a writer: forged. One statement, one snapshot, so a
  // writer committing meanwhile is not one of them.
  const [beyond] = await db
    .select({ from: sql<string | null>`min(seq)`, to: sql<string | null>`max(seq)` })
    .from(auditEntries)
    .where(sql`seq > (select seq from audit_chain_head where id = 1)`);
  if (beyond?.from != null && beyond.to != null) {
    addBrokenRange(ranges, {
      fromSeq: Number(beyond.from),
      toSeq: Number(beyond.to),
      fromAt: now,
      toAt: now,
    });
  }
  const [first] = ranges;
  const entries = first ? await countEntriesBefore(db, first.fromSeq) : checked;
  return { ok: ranges.length === 0, entries, checked, brokenRanges: ranges };
}

const countEntriesBefore = async (db: Db, seq: number): Promise<number> => {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEntries)
    .where(lt(auditEntries.seq, seq));
  return row?.n ?? 0;
};

export const countEntries = async (db: Db): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEntries);
  return row?.n ?? 0;
};
