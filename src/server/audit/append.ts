import { asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { auditChainHead, auditEntries } from "../db/schema.ts";
import { type AuditContent, type ChainRow, chainHash, checkChain, genesisHash } from "./chain.ts";

export type PendingEntry = Omit<AuditContent, "seq">;

/**
 * Links pending entries into the chain and inserts them. Call it last in the transaction: the
 * head row lock it takes is what serialises concurrent writers, so it is held only from here
 * to commit.
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
    const content: AuditContent = { ...entry, seq };
    const hash = chainHash(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditEntries).values(rows);
  await tx.update(auditChainHead).set({ seq, hash: prevHash }).where(eq(auditChainHead.id, 1));
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBrokenAt?: { seq: number; at: string };
}

/** Walks the whole chain in batches and reports the first entry that does not hold. */
export async function verifyChain(db: Db, batchSize = 5000): Promise<VerifyResult> {
  let prevHash = genesisHash;
  let prevSeq = 0;
  let entries = 0;
  for (;;) {
    const batch = (await db
      .select()
      .from(auditEntries)
      .where(gt(auditEntries.seq, prevSeq))
      .orderBy(asc(auditEntries.seq))
      .limit(batchSize)) as ChainRow[];
    if (batch.length === 0) {
      break;
    }
    const result = checkChain(batch, prevHash, prevSeq);
    if (!result.ok) {
      return {
        ok: false,
        entries: entries + batch.indexOf(result.firstBroken),
        firstBrokenAt: { seq: result.firstBroken.seq, at: result.firstBroken.at.toISOString() },
      };
    }
    entries += batch.length;
    prevHash = result.lastHash;
    prevSeq = batch[batch.length - 1]?.seq ?? prevSeq;
  }
  // Entries removed from the end leave the head pointing past the last row.
  const [head] = await db
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1));
  if (head && (head.seq !== prevSeq || head.hash !== prevHash)) {
    return { ok: false, entries, firstBrokenAt: { seq: prevSeq + 1, at: new Date().toISOString() } };
  }
  return { ok: true, entries };
}

export const countEntries = async (db: Db): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEntries);
  return row?.n ?? 0;
};
