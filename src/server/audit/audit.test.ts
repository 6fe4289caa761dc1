import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persons } from "../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { auditedTransaction } from "./audited-transaction.ts";

let t: TestApp;
let privacy: TestSession;
const personId = randomUUID();

beforeAll(async () => {
  t = await createTestApp();
  privacy = await t.login("privacy");
  await t.database.db.insert(persons).values({ id: personId, createdAt: new Date() });
});
afterAll(() => t.close());

/** Writes an audited event as if a case worker had read a person's data. */
async function recordPersonRead(userId: string, organisationId: string) {
  await auditedTransaction(
    t.database.db,
    { userId, role: "case-worker", organisationId, remoteAddress: "192.0.2.10", requestId: randomUUID() },
    async ({ audit }) => {
      audit({
        action: "person.read",
        subjectType: "person",
        subjectId: personId,
        personIds: [personId],
        ground: "involved through triage since 2026-03-02",
      });
    },
  );
}

describe("the audit log", () => {
  it("lists entries with the NEN 7513 fields, newest first, and logs the reading itself", async () => {
    const worker = await t.login("lt.zwolle");
    await recordPersonRead(worker.userId, worker.organisationId);
    const response = await privacy.get(`/api/v1/audit?personId=${personId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const [entry] = response.json().items;
    expect(entry).toMatchObject({
      userId: worker.userId,
      role: "case-worker",
      organisationId: worker.organisationId,
      action: "person.read",
      subjectType: "person",
      subjectId: personId,
      personIds: [personId],
      purpose: "involved through triage since 2026-03-02",
      remoteAddress: "192.0.2.10",
      outcome: "success",
      emergency: false,
    });
    expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const again = await privacy.get(`/api/v1/audit?userId=${privacy.userId}&limit=1`);
    expect(again.json().items[0]).toMatchObject({
      action: "audit.read",
      role: "privacy-officer",
      personIds: [personId],
      subjectType: "audit-log",
    });
  });

  it("pages through the log with an opaque cursor without repeating entries", async () => {
    const first = await privacy.get("/api/v1/audit?limit=2");
    const body = first.json();
    expect(body.items).toHaveLength(2);
    expect(typeof body.nextCursor).toBe("string");
    const second = await privacy.get(`/api/v1/audit?limit=2&cursor=${body.nextCursor}`);
    const seqs = [...body.items, ...second.json().items].map((e: { seq: number }) => e.seq);
    expect(new Set(seqs).size).toBe(4);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const bad = await privacy.get("/api/v1/audit?cursor=not-a-cursor");
    expect(bad.statusCode).toBe(400);
  });

  it("filters by period and rejects malformed filters with 400", async () => {
    const future = await privacy.get("/api/v1/audit?from=2099-01-01T00:00:00Z");
    expect(future.json().items).toEqual([]);
    const bad = await privacy.get("/api/v1/audit?personId=12&from=yesterday&colour=red");
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["query.personId", "query.from"]));
  });

  it("gives a data subject's access report with names and grounds, oldest first", async () => {
    const report = await privacy.get(`/api/v1/persons/${personId}/access-report`);
    expect(report.statusCode).toBe(200);
    const items = report.json().items;
    expect(items[0]).toMatchObject({
      userDisplayName: "Lotte Bakker",
      organisationName: "Lokaal team Zwolle",
      action: "person.read",
      purpose: "involved through triage since 2026-03-02",
    });
    expect(items.map((i: { action: string }) => i.action)).toContain("audit.read");
  });

  it("cannot be changed or deleted, not even by SQL from the application", async () => {
    await expect(t.database.raw.query("update audit_entries set action = 'x' where seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.raw.query("delete from audit_entries where seq = 1")).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("verifying the chain", () => {
  it("reports an intact chain with the number of entries", async () => {
    const response = await privacy.get("/api/v1/audit/verify");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true });
    expect(response.json().entries).toBeGreaterThan(5);
  });

  it("reports every entry altered directly in the database, however far apart, and goes on past each", async () => {
    const worker = await t.login("lt.zwolle");
    for (let i = 0; i < 12; i++) {
      await recordPersonRead(worker.userId, worker.organisationId);
    }
    const rows = await t.database.raw.query<{ seq: string; at: Date }>(
      "select seq, at from audit_entries order by seq limit 2 offset 3",
    );
    const first = Number(rows[0]?.seq);
    const far = first + 10;
    const [farRow] = await t.database.raw.query<{ at: Date }>("select at from audit_entries where seq = $1", [
      far,
    ]);
    // A database administrator bypassing the append-only trigger.
    await t.database.raw.transaction(async (tx) => {
      await tx.exec("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only");
      await tx.query("update audit_entries set remote_address = '203.0.113.66' where seq = $1", [first]);
      await tx.query("update audit_entries set action = 'person.nothing' where seq = $1", [far]);
      await tx.exec("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only");
    });
    const response = await privacy.get("/api/v1/audit/verify");
    const body = response.json();
    expect(body).toMatchObject({
      ok: false,
      entries: first - 1,
      firstBrokenSeq: first,
      firstBrokenAt: rows[0]?.at.toISOString(),
      brokenRanges: [
        { fromSeq: first, toSeq: first, fromAt: rows[0]?.at.toISOString(), toAt: rows[0]?.at.toISOString() },
        { fromSeq: far, toSeq: far, fromAt: farRow?.at.toISOString(), toAt: farRow?.at.toISOString() },
      ],
    });
    expect(body.checked).toBeGreaterThan(far);

    // Entries written after the tampering are checked against what is stored: they still hold.
    await recordPersonRead(worker.userId, worker.organisationId);
    const again = (await privacy.get("/api/v1/audit/verify")).json();
    expect(again.brokenRanges).toEqual(body.brokenRanges);
    expect(again.checked).toBeGreaterThan(body.checked);
  });

  it("reports entries cut off the end of the chain", async () => {
    const [head] = await t.database.raw.query<{ seq: string }>("select seq from audit_chain_head");
    const last = Number(head?.seq);
    await t.database.raw.transaction(async (tx) => {
      await tx.exec("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only");
      await tx.query("delete from audit_entries where seq > $1", [last - 2]);
      await tx.exec("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only");
    });
    const body = (await privacy.get("/api/v1/audit/verify")).json();
    expect(body.ok).toBe(false);
    expect(body.brokenRanges.at(-1)).toMatchObject({ fromSeq: last - 1, toSeq: last });
  });
});
