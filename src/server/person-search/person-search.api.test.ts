import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PersonSearchHit } from "../../shared/person-search.ts";
import { auditEntries } from "../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

let t: TestApp;
let intake: TestSession;
let zwolle: TestSession;
let deventer: TestSession;
let shelter: TestSession;
let policy: TestSession;

async function search(session: TestSession, body: unknown) {
  return session.post("/api/v1/persons/search", body);
}

async function hits(session: TestSession, body: unknown): Promise<PersonSearchHit[]> {
  const response = await search(session, body);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: PersonSearchHit[] }).items;
}

beforeAll(async () => {
  t = await createTestApp();
  intake = await t.login("intake");
  zwolle = await t.login("lt.zwolle");
  deventer = await t.login("lt.deventer");
  shelter = await t.login("shelter");
  policy = await t.login("policy.zwolle");
});
afterAll(() => t.close());

describe("searching persons within need to know", () => {
  let reportId: string;

  beforeAll(async () => {
    reportId = (await createReportAs(intake, sampleReport())).id;
  });

  it("lets the centre find a person of a report in its intake queue by a differently written name", async () => {
    const found = await hits(intake, { name: "Fatma el-Amrani" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      firstName: "Fatima",
      lastName: "El Amrani",
      birthDate: "1988-03-14",
      cases: [],
    });
    expect(found[0]?.reports.map((r) => r.reportId)).toEqual([reportId]);
  });

  it("finds persons by birth date alone, exactly", async () => {
    expect((await hits(intake, { birthDate: "1988-03-14" })).map((h) => h.lastName)).toEqual(["El Amrani"]);
    expect(await hits(intake, { birthDate: "1988-03-15" })).toEqual([]);
  });

  it("shows other organisations nothing before they are involved, not even a count", async () => {
    for (const session of [zwolle, deventer, shelter]) {
      const response = await search(session, { name: "El Amrani" });
      expect(response.json()).toEqual({ items: [], nextCursor: null });
    }
  });

  it("finds the household (the case) once the organisation is involved, and only its own cases", async () => {
    const { caseId } = await handOver(intake, reportId, zwolle.organisationId);
    const found = await hits(zwolle, { name: "de groot" });
    expect(found.map((h) => h.firstName).sort()).toEqual(["Johan", "Noor"]);
    for (const hit of found) {
      expect(hit.cases).toEqual([expect.objectContaining({ caseId, status: "open" })]);
      expect(hit.reports).toEqual([]);
    }
    expect(await hits(deventer, { name: "de groot" })).toEqual([]);
    // Triaged, the report left the intake queue; the centre finds the person through its case.
    const centre = await hits(intake, { name: "Noor" });
    expect(centre[0]?.cases.map((c) => c.caseId)).toEqual([caseId]);
    expect(centre[0]?.reports).toEqual([]);
  });

  it("audits the search and the persons shown, without the search terms", async () => {
    const found = await hits(zwolle, { name: "Fatima", birthDate: "1988-03-14" });
    const rows = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "person.search"), eq(auditEntries.userId, zwolle.userId)));
    const last = rows[rows.length - 1];
    expect(last?.personIds).toEqual(found.map((h) => h.personId));
    expect(JSON.stringify(rows)).not.toMatch(/fatima|groot|amrani/i);
  });

  it("pages with a cursor", async () => {
    const first = (await search(zwolle, { name: "Groot", limit: 1 })).json() as {
      items: PersonSearchHit[];
      nextCursor: string | null;
    };
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = (await search(zwolle, { name: "Groot", limit: 1, cursor: first.nextCursor })).json() as {
      items: PersonSearchHit[];
      nextCursor: string | null;
    };
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.personId).not.toBe(first.items[0]?.personId);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses a search without a name or birth date, a NUL byte and the year 9999, listing each field", async () => {
    for (const [body, path] of [
      [{}, "name"],
      [{ name: "a\u0000b" }, "name"],
      [{ birthDate: "9999-01-01" }, "birthDate"],
      [{ name: "x" }, "name"],
      [{ name: "Groot", extra: true }, "(body)"],
    ] as const) {
      const response = await search(intake, body);
      expect(response.statusCode).toBe(400);
      expect((response.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    }
  });

  it("is refused to roles that never see persons (403) and has no GET with a name in the URL", async () => {
    expect((await search(policy, { name: "Groot" })).statusCode).toBe(403);
    expect((await intake.get("/api/v1/persons/search?name=Groot")).statusCode).toBe(404);
  });
});
