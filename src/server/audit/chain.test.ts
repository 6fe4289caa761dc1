import { describe, expect, it } from "vitest";
import {
  type AuditContent,
  addBrokenRange,
  type BrokenRange,
  type ChainRow,
  chainHash,
  checkChain,
  genesisAnchor,
  genesisHash,
} from "./chain.ts";

const at = (seq: number) => new Date(Date.UTC(2026, 2, 2, 9, 15, seq));

function entry(seq: number, overrides: Partial<AuditContent> = {}): AuditContent {
  return {
    seq,
    at: at(seq),
    userId: "00000000-0000-4000-8000-000000000001",
    role: "privacy-officer",
    organisationId: "00000000-0000-4000-8000-000000000002",
    onBehalfOf: null,
    action: "audit.read",
    subjectType: "audit-log",
    subjectId: null,
    caseId: null,
    personIds: [],
    ground: "role: privacy officer",
    emergency: false,
    remoteAddress: "127.0.0.1",
    requestId: `req-${seq}`,
    outcome: "success",
    ...overrides,
  };
}

function chain(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= count; seq++) {
    const content = entry(seq);
    const hash = chainHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

const range = (fromSeq: number, toSeq: number): BrokenRange => ({
  fromSeq,
  toSeq,
  fromAt: at(fromSeq),
  toAt: at(toSeq),
});

describe("the audit hash chain", () => {
  it("accepts an intact chain and answers its last entry to go on from", () => {
    const rows = chain(5);
    expect(checkChain(rows, genesisAnchor)).toEqual({
      anchor: { seq: 5, hash: rows[4]?.hash, at: at(5) },
      broken: [],
    });
  });

  it("goes on from where the previous run ended", () => {
    const rows = chain(6);
    const first = checkChain(rows.slice(0, 3), genesisAnchor);
    expect(checkChain(rows.slice(3), first.anchor).broken).toEqual([]);
    expect(checkChain(rows.slice(3), genesisAnchor).broken).toEqual([
      { fromSeq: 1, toSeq: 4, fromAt: at(4), toAt: at(4) },
    ]);
  });

  it("reports an entry whose content was changed, and only that entry", () => {
    const rows = chain(5);
    rows[2] = { ...(rows[2] as ChainRow), action: "case.read" };
    expect(checkChain(rows, genesisAnchor).broken).toEqual([range(3, 3)]);
  });

  it("reports every changed entry, however far apart, as a range of its own", () => {
    const rows = chain(10);
    for (const i of [1, 7, 8]) {
      rows[i] = { ...(rows[i] as ChainRow), remoteAddress: "203.0.113.66" };
    }
    expect(checkChain(rows, genesisAnchor).broken).toEqual([range(2, 2), range(8, 9)]);
  });

  it("reports removed entries from the first missing one to the entry after the gap", () => {
    const rows = chain(6);
    rows.splice(1, 2);
    expect(checkChain(rows, genesisAnchor).broken).toEqual([
      { fromSeq: 2, toSeq: 4, fromAt: at(4), toAt: at(4) },
    ]);
  });

  it("reports an entry re-hashed after a change together with the entry whose link it broke", () => {
    const rows = chain(4);
    const changed = { ...(rows[1] as ChainRow), personIds: ["00000000-0000-4000-8000-000000000009"] };
    changed.hash = chainHash(changed.prevHash, changed);
    rows[1] = changed;
    expect(checkChain(rows, genesisAnchor).broken).toEqual([range(2, 3)]);
  });

  it("reports a forged first entry", () => {
    const rows = chain(3);
    rows[0] = { ...(rows[0] as ChainRow), prevHash: "f".repeat(64) };
    expect(checkChain(rows, genesisAnchor).broken).toEqual([range(1, 1)]);
  });

  it("merges ranges that touch and keeps those that do not apart", () => {
    const ranges: BrokenRange[] = [];
    addBrokenRange(ranges, range(3, 3));
    addBrokenRange(ranges, range(4, 5));
    addBrokenRange(ranges, range(5, 5));
    addBrokenRange(ranges, range(7, 7));
    expect(ranges).toEqual([range(3, 5), range(7, 7)]);
  });

  it("changes the hash when any field changes", () => {
    const base = entry(1);
    const hash = chainHash(genesisHash, base);
    expect(chainHash(genesisHash, { ...base, remoteAddress: "10.0.0.1" })).not.toBe(hash);
    expect(chainHash(genesisHash, { ...base, emergency: true })).not.toBe(hash);
    expect(chainHash(genesisHash, { ...base, at: new Date(base.at.getTime() + 1) })).not.toBe(hash);
  });
});
