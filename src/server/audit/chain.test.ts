import { describe, expect, it } from "vitest";
import { type AuditContent, type ChainRow, chainHash, checkChain, genesisHash } from "./chain.ts";

function entry(seq: number, overrides: Partial<AuditContent> = {}): AuditContent {
  return {
    seq,
    at: new Date(Date.UTC(2026, 2, 2, 9, 15, seq)),
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

describe("the audit hash chain", () => {
  it("accepts an intact chain and returns its last hash", () => {
    const rows = chain(5);
    expect(checkChain(rows, genesisHash, 0)).toEqual({ ok: true, lastHash: rows[4]?.hash });
  });

  it("reports the first entry whose content was changed", () => {
    const rows = chain(5);
    rows[2] = { ...(rows[2] as ChainRow), action: "case.read" };
    const result = checkChain(rows, genesisHash, 0);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.firstBroken.seq).toBe(3);
  });

  it("reports a removed entry at the entry after the gap", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    const result = checkChain(rows, genesisHash, 0);
    expect(!result.ok && result.firstBroken.seq).toBe(3);
  });

  it("reports an entry re-hashed after a change at the entry that follows it", () => {
    const rows = chain(4);
    const changed = { ...(rows[1] as ChainRow), personIds: ["00000000-0000-4000-8000-000000000009"] };
    changed.hash = chainHash(changed.prevHash, changed);
    rows[1] = changed;
    const result = checkChain(rows, genesisHash, 0);
    expect(!result.ok && result.firstBroken.seq).toBe(3);
  });

  it("changes the hash when any field changes", () => {
    const base = entry(1);
    const hash = chainHash(genesisHash, base);
    expect(chainHash(genesisHash, { ...base, remoteAddress: "10.0.0.1" })).not.toBe(hash);
    expect(chainHash(genesisHash, { ...base, emergency: true })).not.toBe(hash);
    expect(chainHash(genesisHash, { ...base, at: new Date(base.at.getTime() + 1) })).not.toBe(hash);
  });
});
