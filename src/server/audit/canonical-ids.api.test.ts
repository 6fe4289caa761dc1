import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { createReportAs, handOver, sampleReport } from "../test-support/reports.ts";
import { auditedTransaction } from "./audited-transaction.ts";
import { storableEntry } from "./storable-entry.ts";

let t: TestApp;
let privacy: TestSession;
let intake: TestSession;
let caseId: string;
let reportId: string;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  privacy = await t.login("privacy");
  intake = await t.login("intake");
  const zwolle = await t.login("lt.zwolle");
  const report = await createReportAs(intake, sampleReport());
  reportId = report.id;
  caseId = (await handOver(intake, report.id, zwolle.organisationId)).caseId;
  const detail = (await intake.get(`/api/v1/cases/${caseId}`)).json() as { persons: { id: string }[] };
  personId = detail.persons[0]?.id ?? "";
});
afterAll(() => t.close());

const verify = async () => (await privacy.get("/api/v1/audit/verify")).json();

describe("ids in upper case", () => {
  it("in any URL are read, logged in lower case and leave the chain intact", async () => {
    const upper = (id: string) => id.toUpperCase();
    const reads = [
      await intake.get(`/api/v1/cases/${upper(caseId)}`),
      await intake.get(`/api/v1/cases/${upper(caseId)}/history`),
      await intake.get(`/api/v1/reports/${upper(reportId)}`),
      await intake.get(`/api/v1/cases/${upper(caseId)}/safety-plan`),
      await privacy.get(`/api/v1/persons/${upper(personId)}/access-report`),
      await privacy.get(`/api/v1/audit?caseId=${upper(caseId)}&personId=${upper(personId)}`),
    ];
    expect(reads.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(reads[0]?.json().id).toBe(caseId);
    // Refused with an upper-case id: the denied entry is canonical too.
    const deventer = await t.login("lt.deventer");
    expect((await deventer.get(`/api/v1/cases/${upper(caseId)}`)).statusCode).toBe(404);

    const log = (await privacy.get(`/api/v1/audit?caseId=${caseId}&limit=200`)).json().items as {
      subjectId: string | null;
      caseId?: string;
      outcome: string;
    }[];
    expect(log.filter((e) => e.subjectId === caseId).length).toBeGreaterThanOrEqual(4);
    expect(log.some((e) => e.outcome === "denied")).toBe(true);
    expect(JSON.stringify(log)).not.toContain(upper(caseId));
    expect(await verify()).toMatchObject({ ok: true, brokenRanges: [] });
  });
});

describe("every route", () => {
  it("called with upper-case ids by every kind of caller leaves the chain intact", async () => {
    const callers = [intake, privacy, await t.login("lt.zwolle"), await t.login("shelter")];
    const idOf: Record<string, string> = { cases: caseId, reports: reportId, persons: personId };
    const statuses = new Set<number>();
    const upperId = (segment: string) => (idOf[segment] ?? randomUUID()).toUpperCase();
    for (const route of t.app.apiRoutes.filter((r) => r.method === "GET" && r.url.includes("/:"))) {
      const url = route.url
        .replace(/\/([a-z-]+)\/:id/g, (_, segment: string) => `/${segment}/${upperId(segment)}`)
        .replace(/:version/g, "1")
        .replace(/:[A-Za-z]+/g, () => randomUUID().toUpperCase());
      for (const caller of callers) {
        statuses.add((await caller.get(url)).statusCode);
      }
    }
    // Reads, refusals by role and by need to know were all among them.
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 403, 404]));
    expect([...statuses].filter((status) => status >= 500)).toEqual([]);
    expect(await verify()).toMatchObject({ ok: true, brokenRanges: [] });
  });
});

describe("an audit entry", () => {
  it("is stored exactly as it was hashed, whatever ids and text it was given", async () => {
    const orgId = randomUUID();
    const id = randomUUID();
    await auditedTransaction(
      t.database.db,
      {
        userId: privacy.userId.toUpperCase(),
        role: "privacy-officer",
        organisationId: `{${orgId.toUpperCase()}}`,
        remoteAddress: "192.0.2.1\u0000",
        requestId: randomUUID(),
      },
      async ({ audit }) => {
        audit({
          action: "test.poison",
          subjectType: "case",
          subjectId: id.toUpperCase(),
          caseId: id.replaceAll("-", "").toUpperCase(),
          personIds: [personId.toUpperCase()],
          ground: "lone \uD800 surrogate and NUL \u0000",
        });
        audit({ action: "test.poison", subjectType: "export", subjectId: "Export-2026 \u00e9" });
      },
    );
    const [stored, other] = await t.database.raw.query<{
      user_id: string;
      organisation_id: string;
      subject_id: string;
      case_id: string;
      person_ids: string[] | string;
      ground: string;
      remote_address: string;
    }>("select * from audit_entries where action = 'test.poison' order by seq");
    expect(stored).toMatchObject({
      user_id: privacy.userId,
      organisation_id: orgId,
      subject_id: id,
      case_id: id,
      ground: "lone \uFFFD surrogate and NUL \uFFFD",
      remote_address: "192.0.2.1\uFFFD",
    });
    // A subject id that is no UUID is kept as it was given.
    expect(other).toMatchObject({ subject_id: "Export-2026 \u00e9" });
    expect(await verify()).toMatchObject({ ok: true, brokenRanges: [] });
  });

  it("with an id that is no UUID in an id field is refused before anything is written", async () => {
    const before = (await verify()).checked as number;
    await expect(
      auditedTransaction(
        t.database.db,
        { userId: null, role: null, organisationId: null, remoteAddress: null, requestId: null },
        async ({ audit }) => audit({ action: "test.bad", subjectType: "case", caseId: "Jansen" }),
      ),
    ).rejects.toThrow(/caseId is not a UUID/);
    // Only the verification in between was logged.
    expect((await verify()).checked).toBe(before + 1);
  });

  it("keeps the canonical form of every id a PostgreSQL uuid column accepts", () => {
    const id = "0b7c7b1e-2b4f-4c1e-9a57-1f2d3c4b5a69";
    const entry = storableEntry({
      at: new Date(),
      userId: `{${id.toUpperCase()}}`,
      role: null,
      organisationId: id.replaceAll("-", ""),
      onBehalfOf: null,
      action: "x",
      subjectType: "y",
      subjectId: null,
      caseId: "0B7C-7B1E-2B4F-4C1E-9A57-1F2D-3C4B-5A69",
      personIds: [id.toUpperCase()],
      ground: null,
      emergency: false,
      remoteAddress: null,
      requestId: null,
      outcome: "success",
    });
    expect([entry.userId, entry.organisationId, entry.caseId, ...entry.personIds]).toEqual([id, id, id, id]);
  });
});
