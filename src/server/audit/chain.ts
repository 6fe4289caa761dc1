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

/** Where a check continues: the last entry seen, by its stored seq, hash and time. */
export interface ChainAnchor {
  seq: number;
  hash: string;
  at: Date | null;
}

export const genesisAnchor: ChainAnchor = { seq: 0, hash: genesisHash, at: null };

/** A run of consecutive sequence numbers that do not hold, removed entries included. */
export interface BrokenRange {
  fromSeq: number;
  toSeq: number;
  /** When the first and the last stored entry of the range were written. */
  fromAt: Date;
  toAt: Date;
}

export interface ChainCheck {
  anchor: ChainAnchor;
  broken: BrokenRange[];
}

/** Adds a broken range, merged into the last one when they touch. */
export function addBrokenRange(ranges: BrokenRange[], next: BrokenRange): void {
  const last = ranges[ranges.length - 1];
  if (last && next.fromSeq <= last.toSeq + 1) {
    if (next.toSeq > last.toSeq) {
      last.toSeq = next.toSeq;
      last.toAt = next.toAt;
    }
    return;
  }
  ranges.push({ ...next });
}

/**
 * Checks a run of consecutive entries against the entry before them and reports every entry
 * that does not hold, going on past each: the check re-anchors at a broken entry's own stored
 * hash, so later entries are judged by what is stored and one tampering cannot hide another.
 * An altered entry (its hash no longer matches its content) is a range of itself; a broken link
 * (a gap in seq from removed entries, or a prev-hash that no longer matches because the entry
 * before was re-hashed) is a range from the first missing entry, or the entry before, to this one.
 */
export function checkChain(rows: ChainRow[], anchor: ChainAnchor): ChainCheck {
  let { seq, hash, at } = anchor;
  const broken: BrokenRange[] = [];
  for (const row of rows) {
    const linkHolds = row.seq === seq + 1 && row.prevHash === hash;
    if (!linkHolds) {
      // Removed entries: the range starts at the first missing seq. A prev-hash that no longer
      // matches: at the entry before, which was re-hashed (or this one forged onto it).
      const previous = row.seq === seq + 1 && at !== null ? at : null;
      addBrokenRange(broken, {
        fromSeq: previous ? seq : Math.min(seq + 1, row.seq),
        toSeq: row.seq,
        fromAt: previous ?? row.at,
        toAt: row.at,
      });
    } else if (chainHash(hash, row) !== row.hash) {
      addBrokenRange(broken, { fromSeq: row.seq, toSeq: row.seq, fromAt: row.at, toAt: row.at });
    }
    seq = row.seq;
    hash = row.hash;
    at = row.at;
  }
  return { anchor: { seq, hash, at }, broken };
}
