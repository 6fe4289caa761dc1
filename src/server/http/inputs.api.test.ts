import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { type ChangeWatch, watchChanges } from "../test-support/change-watch.ts";
import { createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

const canary = "Qz7canary";

let t: TestApp;
let intake: TestSession;
let zwolle: TestSession;
let watch: ChangeWatch;
let caseId: string;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  intake = await t.login("intake");
  zwolle = await t.login("lt.zwolle");
  const report = await createReportAs(intake, sampleReport());
  const handedOver = await handOver(intake, report.id, zwolle.organisationId);
  caseId = handedOver.caseId;
  expect((await zwolle.post(`/api/v1/handovers/${handedOver.handoverId}/accept`)).statusCode).toBe(200);
  personId = (await zwolle.get(`/api/v1/cases/${caseId}`)).json().persons[0].id;
  watch = await watchChanges(t.database);
});
afterAll(() => t.close());

/** Sends the request and answers it with the tables it changed. */
async function leaving<T extends { statusCode: number }>(send: () => Promise<T>) {
  const before = await watch.counts();
  const answer = await send();
  return { answer, changed: watch.changed(before, await watch.counts()) };
}

const pathsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();

describe("reference data in the same 400 as the field checks", () => {
  it("lists a bad date, an unknown municipality and an unknown violence type in one problem", async () => {
    const { answer, changed } = await leaving(() =>
      intake.post("/api/v1/reports", {
        ...sampleReport(),
        receivedAt: "9999-12-31T23:59:59Z",
        municipalityCode: "GM9999",
        violenceTypes: ["partner-violence", "no-such-type"],
      }),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.headers["content-type"]).toContain("application/problem+json");
    expect(pathsOf(answer.json())).toEqual(
      expect.arrayContaining(["municipalityCode", "receivedAt", "violenceTypes.1"]),
    );
    expect(pathsOf(answer.json())).not.toContain("violenceTypes.0");
    expect(changed).toEqual([]);
  });

  it("answers an unknown organisation as a field of the 400, beside the body's other problems", async () => {
    const { answer, changed } = await leaving(() =>
      zwolle.post(`/api/v1/cases/${caseId}/handovers`, {
        toOrganisationId: randomUUID(),
        note: "x".repeat(6000),
      }),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "note" }),
        { path: "toOrganisationId", message: "not an organisation of this region" },
      ]),
    );
    expect(changed).toEqual([]);
  });

  it("checks the organisations the plan's agreements name", async () => {
    const answer = await zwolle.request(
      "PUT",
      `/api/v1/cases/${caseId}/safety-plan`,
      { plan: { agreements: [{ text: "Weekly visit", ownerOrganisationId: randomUUID() }] } },
      { "if-match": "*" },
    );
    expect(answer.statusCode).toBe(400);
    expect(pathsOf(answer.json())).toEqual(["plan.agreements.0.ownerOrganisationId"]);
  });

  it("lets a body whose references exist through", async () => {
    const report = await intake.post("/api/v1/reports", {
      ...sampleReport(),
      violenceTypes: ["partner-violence"],
    });
    expect(report.statusCode).toBe(201);
  });
});

describe("bounded dates and text leave the case readable", () => {
  it("refuses year 0000 and 9999 for measures, help and journal, and the case still reads", async () => {
    const attempts = [
      () => zwolle.post(`/api/v1/cases/${caseId}/restraining-orders`, { startsOn: "9999-12-31", personId }),
      () => zwolle.post(`/api/v1/cases/${caseId}/restraining-orders`, { startsOn: "0000-01-01", personId }),
      () =>
        zwolle.post(`/api/v1/cases/${caseId}/shelter-stays`, {
          personIds: [personId],
          kind: "crisis",
          startsOn: "9999-12-31",
        }),
      () =>
        zwolle.post(`/api/v1/cases/${caseId}/persons/${personId}/help-offered`, {
          date: "9999-12-31",
          description: "Play therapy",
        }),
      () =>
        zwolle.request(
          "PUT",
          `/api/v1/cases/${caseId}/safety-plan`,
          { plan: { agreements: [{ text: "Visit", dueOn: "9999-12-31" }] } },
          { "if-match": "*" },
        ),
      () =>
        zwolle.post(`/api/v1/cases/${caseId}/handovers`, {
          toOrganisationId: intake.organisationId,
          note: "Back to you",
          warmHandoverAt: "9999-12-31T10:00:00Z",
        }),
    ];
    for (const attempt of attempts) {
      const { answer, changed } = await leaving(attempt);
      expect(answer.statusCode).toBe(400);
      expect(changed).toEqual([]);
    }
    for (const session of [zwolle, intake]) {
      expect((await session.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    }
    expect((await zwolle.get(`/api/v1/cases/${caseId}/safety-plan`)).statusCode).toBe(200);
  });

  it("refuses a NUL character in any text field, with nothing of it in the answer", async () => {
    const { answer, changed } = await leaving(() =>
      zwolle.post(`/api/v1/cases/${caseId}/phase`, { phase: "recovery", reason: `${canary}\u0000` }),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([{ path: "reason", message: "contains a control character" }]);
    expect(answer.body).not.toContain(canary);
    expect(changed).toEqual([]);
    expect((await zwolle.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
  });

  it("names no unknown field the caller sent, nor a field name in a record", async () => {
    const unknown = await zwolle.post(`/api/v1/cases/${caseId}/phase`, {
      phase: "recovery",
      reason: "Calm",
      [`${canary}<script>`]: "\u0000",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).not.toContain(canary);
    expect(unknown.json().errors).toEqual([{ path: "(body)", message: "has a field that is not allowed" }]);
  });
});

describe("unknown routes, malformed addresses and query strings", () => {
  const refusals = [
    `/api/v1/${canary}`,
    `/api/v1/cases/${canary}%E0%A4%A`,
    `/api/v1/cases/%${canary}`,
    `/api/v1/cases/${"9".repeat(5000)}${canary}`,
    `/api/v1/cases?${canary}=1`,
    `/api/v1/cases?status=${canary}`,
    `/api/v1/cases?limit=%ZZ${canary}`,
    `/api/v1/cases?cursor=%E0%A4%A${canary}`,
    `/api/v1/cases?limit=1&limit=2&${canary}`,
    `/api/v1/cases?${"a=1&".repeat(3000)}${canary}=1`,
    `/${canary}.js`,
  ];
  for (const url of refusals) {
    it(`answers ${url.slice(0, 60)} with a problem that echoes nothing`, async () => {
      const answer = await zwolle.get(url);
      expect(answer.statusCode).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode).toBeLessThan(500);
      expect(answer.headers["content-type"]).toContain("application/problem+json");
      expect(answer.body).not.toContain(canary);
      expect(answer.body).not.toContain("9999999999");
    });
  }
});
