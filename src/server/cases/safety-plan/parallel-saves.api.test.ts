import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestSession } from "../../test-support/app.ts";
import { createReportAs, handOver, sampleReport } from "../../test-support/reports.ts";

let t: TestApp;
let intake: TestSession;
let zwolle: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  intake = await t.login("intake");
  zwolle = await t.login("lt.zwolle");
});
afterAll(() => t.close());

async function acceptedCase(): Promise<string> {
  const report = await createReportAs(intake, sampleReport());
  const { caseId, handoverId } = await handOver(intake, report.id, zwolle.organisationId);
  expect((await zwolle.post(`/api/v1/handovers/${handoverId}/accept`)).statusCode).toBe(200);
  return caseId;
}

const save = (caseId: string, ifMatch: string | undefined, goal: string) =>
  zwolle.request(
    "PUT",
    `/api/v1/cases/${caseId}/safety-plan`,
    { plan: { goal } },
    ifMatch === undefined ? {} : { "if-match": ifMatch },
  );

const versionsOf = async (caseId: string): Promise<number[]> =>
  (await zwolle.get(`/api/v1/cases/${caseId}/safety-plan/versions`))
    .json()
    .items.map((v: { version: number }) => v.version);

describe("parallel saves of one safety plan", { timeout: 60_000 }, () => {
  it("20 saves with the same If-Match: one wins, the others get 412, never a 500", async () => {
    const caseId = await acceptedCase();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => save(caseId, '"plan-v1"', `Goal ${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(412)]);
    for (const refused of answers.filter((a) => a.statusCode === 412)) {
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.json().type).toMatch(/plan-changed$/);
    }
    // One new version, the winner's, and the plan still reads.
    expect(await versionsOf(caseId)).toEqual([2, 1]);
    const winner = answers.find((a) => a.statusCode === 200);
    const current = await zwolle.get(`/api/v1/cases/${caseId}/safety-plan`);
    expect(current.statusCode).toBe(200);
    expect(current.headers.etag).toBe('"plan-v2"');
    expect(current.json().plan.goal).toBe(winner?.json().plan.goal);
  });

  it("20 saves with If-Match: * each land on the newest version in turn (or lose the race with 412)", async () => {
    const caseId = await acceptedCase();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => save(caseId, "*", `Goal ${i}`)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s !== 200 && s !== 412)).toEqual([]);
    const saved = statuses.filter((s) => s === 200).length;
    expect(saved).toBeGreaterThanOrEqual(1);
    // Every 200 is a version of its own: none overwrote another.
    const versions = await versionsOf(caseId);
    expect(versions).toHaveLength(saved + 1);
    expect(new Set(answers.filter((a) => a.statusCode === 200).map((a) => a.json().version)).size).toBe(
      saved,
    );
  });
});

describe("If-Match as RFC 9110 says", () => {
  it("requires it (428), compares strongly (a weak validator never matches), and takes a list or *", async () => {
    const caseId = await acceptedCase();
    expect((await save(caseId, undefined, "x")).statusCode).toBe(428);

    const weak = await save(caseId, 'W/"plan-v1"', "weak");
    expect(weak.statusCode).toBe(412);
    expect(weak.headers["content-type"]).toContain("application/problem+json");
    expect(await versionsOf(caseId)).toEqual([1]);

    expect((await save(caseId, "not an entity-tag", "bad")).statusCode).toBe(412);
    expect((await save(caseId, '"plan-v7"', "stale")).statusCode).toBe(412);

    const listed = await save(caseId, '"plan-v9", "plan-v1"', "listed");
    expect(listed.statusCode).toBe(200);
    expect(listed.headers.etag).toBe('"plan-v2"');

    const any = await save(caseId, "*", "any");
    expect(any.statusCode).toBe(200);
    expect(any.json().version).toBe(3);
    expect(await versionsOf(caseId)).toEqual([3, 2, 1]);
  });

  it("answers * on a case the caller may not see with 404, as any other request", async () => {
    const deventer = await t.login("lt.deventer");
    const caseId = await acceptedCase();
    const answer = await deventer.request(
      "PUT",
      `/api/v1/cases/${caseId}/safety-plan`,
      { plan: { goal: "x" } },
      { "if-match": "*" },
    );
    expect(answer.statusCode).toBe(404);
  });
});
