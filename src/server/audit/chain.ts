import { createHash } from "node:crypto";

/** The recorded content of one audit entry: what the hash covers. */
export interface AuditContent {
  seq: number;
  at: Date;
  userId: string | null;
  role: string | null;
  organisationId: string | null;
  onBehalfOf: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  caseId: string | null;
  personIds: string[];
  ground: string | null;
  emergency: boolean;
  remoteAddress: string | null;
  requestId: string | null;
  outcome: "success" | "failure" | "denied";
}

export const genesisHash = "0".repeat(64);

/**
 * A stable text form of an entry: fixed field order, ISO instants, so that the same row read
 * back from either database yields the same bytes.
 */
export function canonicalise(c: AuditContent): string {
  return JSON.stringify([
    c.seq,
    c.at.toISOString(),
    c.userId,
    c.role,
    c.organisationId,
    c.onBehalfOf,
    c.action,
    c.subjectType,
    c.subjectId,
    c.caseId,
    c.personIds,
    c.ground,
    c.emergency,
    c.remoteAddress,
    c.requestId,
    c.outcome,
  ]);
}

/** SHA-256 over the previous entry's hash and this entry's canonical content. */
export function chainHash(prevHash: string, content: AuditContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalise(content)).digest("hex");
}

export interface ChainRow extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainCheck = { ok: true; lastHash: string } | { ok: false; firstBroken: ChainRow };

/**
 * Checks a run of consecutive entries against the hash before them. Finds an altered entry
 * (its hash no longer matches its content), a removed one (a gap in seq or a prev-hash
 * mismatch) and a re-hashed one (the next entry's prev-hash no longer matches).
 */
export function checkChain(rows: ChainRow[], prevHash: string, prevSeq: number): ChainCheck {
  let expectedPrev = prevHash;
  let expectedSeq = prevSeq + 1;
  for (const row of rows) {
    if (
      row.seq !== expectedSeq ||
      row.prevHash !== expectedPrev ||
      chainHash(expectedPrev, row) !== row.hash
    ) {
      return { ok: false, firstBroken: row };
    }
    expectedPrev = row.hash;
    expectedSeq++;
  }
  return { ok: true, lastHash: expectedPrev };
}
