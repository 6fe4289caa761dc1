import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { assessment, createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

let t: TestApp;
let intake: TestSession;
let zwolle: TestSession;
let shelter: TestSession;
/** Every statement the app's database client sent, in order (Drizzle's query log). */
const statements: string[] = [];

beforeAll(async () => {
  t = await createTestApp({}, { onQuery: (text) => statements.push(text) });
  intake = await t.login("intake");
  zwolle = await t.login("lt.zwolle");
  shelter = await t.login("shelter");
});
afterAll(() => t.close());

/** The statements one request sends, sorted into the steps issue 9 counts. */
async function statementsOf(request: () => Promise<{ statusCode: number }>) {
  statements.length = 0;
  const response = await request();
  const sent = [...statements];
  const isTransactionControl = (s: string) => /^\s*(begin|commit|rollback)\b/i.test(s);
  const isAudit = (s: string) => /"audit_chain_head"|"audit_entries"/.test(s);
  const isSession = (s: string) => /"sessions"/.test(s);
  return {
    status: response.statusCode,
    all: sent,
    session: sent.filter(isSession),
    audit: sent.filter(isAudit),
    work: sent.filter((s) => !isTransactionControl(s) && !isAudit(s) && !isSession(s)),
  };
}

describe("a case read in a few round trips (issue 9)", () => {
  it("authorises and builds the case document in two statements, then appends the audit entry", async () => {
    const report = await createReportAs(intake, sampleReport());
    const { caseId } = await handOver(intake, report.id, zwolle.organisationId);

    const read = await statementsOf(() => zwolle.get(`/api/v1/cases/${caseId}`));

    expect(read.status).toBe(200);
    // The access check (involvements with the partnership) and the one document statement.
    expect(read.work).toHaveLength(2);
    expect(read.work[0]).toMatch(/"case_involvements"/);
    expect(read.work[1]).toMatch(/json_build_object/);
    // The audit step: lock the chain head, insert the entry, move the head.
    expect(read.audit).toHaveLength(3);
    // Within the transaction: at most 4 steps (access, document, audit), BEGIN/COMMIT aside.
    expect(read.work.length + 1).toBeLessThanOrEqual(4);
  });

  it("gives a network partner its view from the same two statements, the partnership included", async () => {
    // A case the centre keeps, so it has a director, and a shelter that joined its network.
    const report = await createReportAs(intake, sampleReport());
    await intake.post(`/api/v1/reports/${report.id}/safety-assessment`, assessment);
    const triaged = await intake.post(`/api/v1/reports/${report.id}/triage`, {
      route: "investigation",
      rationale: "Facts unclear; the centre investigates.",
      keepReason: "insufficient-information",
    });
    const caseId = triaged.json().caseId as string;
    const invited = await intake.post(`/api/v1/cases/${caseId}/network-partners`, {
      organisationId: shelter.organisationId,
      purpose: "shelter",
      purposeText: "Crisis place for mother and child",
    });
    expect((await shelter.post(`/api/v1/network-partnerships/${invited.json().id}/accept`)).statusCode).toBe(
      200,
    );

    const read = await statementsOf(() => shelter.get(`/api/v1/cases/${caseId}`));
    const body = (await shelter.get(`/api/v1/cases/${caseId}`)).json();

    expect(read.status).toBe(200);
    expect(read.work).toHaveLength(2);
    expect(read.audit).toHaveLength(3);
    expect(body.access).toMatchObject({ view: "network-partner", purpose: "shelter" });
    expect(body.accessGround).toMatch(/^network partner since \d{4}-\d{2}-\d{2}: purpose shelter$/);
    expect(body.director).toMatchObject({ userId: intake.userId, name: expect.any(String) });
    expect(body.reports).toEqual([]);
  });

  it("answers an unknown case after the access check alone, with nothing else read", async () => {
    const read = await statementsOf(() => zwolle.get("/api/v1/cases/00000000-0000-4000-8000-000000000000"));

    expect(read.status).toBe(404);
    expect(read.work).toHaveLength(1);
    expect(read.work[0]).toMatch(/"case_involvements"/);
  });
});
