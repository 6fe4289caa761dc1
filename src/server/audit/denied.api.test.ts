import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { createReportAs, handOver, sampleReport } from "../test-support/reports.ts";
import { deniedSubject } from "./denied.ts";

let t: TestApp;
let privacy: TestSession;
let intake: TestSession;
let deventer: TestSession;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  privacy = await t.login("privacy");
  intake = await t.login("intake");
  deventer = await t.login("lt.deventer");
  const zwolle = await t.login("lt.zwolle");
  const report = await createReportAs(intake, sampleReport());
  caseId = (await handOver(intake, report.id, zwolle.organisationId)).caseId;
});
afterAll(() => t.close());

interface Entry {
  userId: string;
  organisationId: string;
  role: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  caseId?: string;
  personIds: string[];
  purpose?: string;
  outcome: string;
}

const deniedOf = async (userId: string): Promise<Entry[]> => {
  const response = await privacy.get(`/api/v1/audit?userId=${userId}&limit=200`);
  expect(response.statusCode).toBe(200);
  return (response.json().items as Entry[]).filter((e) => e.outcome === "denied");
};

describe("a refused access", () => {
  it("to a case the organisation is not involved in is in the log as denied, on the ground of need to know", async () => {
    const refused = await deventer.get(`/api/v1/cases/${caseId}`);
    expect(refused.statusCode).toBe(404);
    const [entry, ...others] = await deniedOf(deventer.userId);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      userId: deventer.userId,
      organisationId: deventer.organisationId,
      role: "case-worker",
      action: "case.read",
      subjectType: "case",
      subjectId: caseId,
      caseId,
      personIds: [],
      purpose: "need to know",
    });
    const byCase = (await privacy.get(`/api/v1/audit?caseId=${caseId}&limit=200`)).json().items as Entry[];
    expect(byCase.filter((e) => e.outcome === "denied").map((e) => e.userId)).toEqual([deventer.userId]);
  });

  it("to a case that does not exist is logged alike, so probing for cases shows", async () => {
    const probe = randomUUID();
    expect(
      (await deventer.post(`/api/v1/cases/${probe}/phase`, { phase: "safety", reason: "x" })).statusCode,
    ).toBe(404);
    const entries = await deniedOf(deventer.userId);
    expect(entries[0]).toMatchObject({ action: "case.work", subjectId: probe, purpose: "need to know" });
  });

  it("refused by the role is in the log as denied, on the ground of the role", async () => {
    const refused = await privacy.get("/api/v1/cases");
    expect(refused.statusCode).toBe(403);
    const refusedCase = await privacy.get(`/api/v1/cases/${caseId.toUpperCase()}/history`);
    expect(refusedCase.statusCode).toBe(403);
    const [history, list] = await deniedOf(privacy.userId);
    expect(list).toMatchObject({
      userId: privacy.userId,
      organisationId: privacy.organisationId,
      role: "privacy-officer",
      action: "case.read",
      subjectType: "case",
      subjectId: null,
      purpose: "role",
    });
    expect(history).toMatchObject({ action: "case.read", subjectId: caseId, caseId, purpose: "role" });
  });

  it("that the caller may see but not do is logged as denied too", async () => {
    const zwolleHandover = (await intake.get("/api/v1/handovers")).json().items[0] as { id: string };
    const refused = await intake.post(`/api/v1/handovers/${zwolleHandover.id}/accept`);
    expect(refused.statusCode).toBe(403);
    const [entry] = await deniedOf(intake.userId);
    expect(entry).toMatchObject({
      action: "handover.decide",
      subjectType: "handover",
      subjectId: zwolleHandover.id,
      purpose: "not permitted on this subject",
    });
  });

  it("leaves no entry for a missing session, an unknown route or an id that is no id", async () => {
    const before = (await privacy.get("/api/v1/audit?limit=200")).json().items.length as number;
    expect((await t.app.inject({ method: "GET", url: `/api/v1/cases/${caseId}` })).statusCode).toBe(401);
    expect((await deventer.get("/api/v1/no-such-route/12345")).statusCode).toBe(404);
    expect((await deventer.get("/api/v1/cases/not-an-id")).statusCode).toBe(400);
    const entries = (await privacy.get("/api/v1/audit?limit=200")).json().items as Entry[];
    // Only the reading of the log itself was added in between.
    expect(entries.length - before).toBe(1);
    expect(entries[0]?.action).toBe("audit.read");
  });

  it("keeps the chain intact", async () => {
    expect((await privacy.get("/api/v1/audit/verify")).json()).toMatchObject({ ok: true, brokenRanges: [] });
  });
});

describe("the subject of a refused request", () => {
  const id = "0b7c7b1e-2b4f-4c1e-9a57-1f2d3c4b5a69";
  it("comes from the route pattern and a canonical id, never from other input", () => {
    expect(deniedSubject("/api/v1/cases/:id/history", { id: id.toUpperCase() })).toEqual({
      subjectType: "case",
      subjectId: id,
      caseId: id,
    });
    expect(deniedSubject("/api/v1/reports/:id", { id: "Jansen; 123456782" })).toEqual({
      subjectType: "report",
      subjectId: null,
      caseId: null,
    });
    expect(deniedSubject("/api/v1/persons/search", {})).toEqual({
      subjectType: "person",
      subjectId: null,
      caseId: null,
    });
    expect(deniedSubject("/api/v1/network-partnerships/:id/end", { id })).toMatchObject({
      subjectType: "partnership",
      subjectId: id,
      caseId: null,
    });
  });
});
