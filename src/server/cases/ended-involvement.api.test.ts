import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInvolvements } from "../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { assessment, createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

let t: TestApp;
let intake: TestSession;
let zwolle: TestSession;
let deventer: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  intake = await t.login("intake");
  zwolle = await t.login("lt.zwolle");
  deventer = await t.login("lt.deventer");
});
afterAll(() => t.close());

/** Every list a worker's start page and case pages read, as one text to search. */
async function everyListOf(session: TestSession): Promise<string> {
  const lists = await Promise.all(
    [
      "/api/v1/cases",
      "/api/v1/handovers",
      "/api/v1/follow-ups",
      "/api/v1/agreements",
      "/api/v1/notifications",
    ].map(async (url) => {
      const response = await session.get(url);
      expect(response.statusCode, url).toBe(200);
      return response.body;
    }),
  );
  return lists.join("\n");
}

/** A case handed by the centre to Zwolle, accepted, with a plan agreement owned by Zwolle. */
async function zwolleCase() {
  const report = await createReportAs(intake, sampleReport());
  const { caseId, handoverId } = await handOver(intake, report.id, zwolle.organisationId);
  expect((await zwolle.post(`/api/v1/handovers/${handoverId}/accept`)).statusCode).toBe(200);
  const etag = String((await zwolle.get(`/api/v1/cases/${caseId}/safety-plan`)).headers.etag);
  const plan = await zwolle.request(
    "PUT",
    `/api/v1/cases/${caseId}/safety-plan`,
    {
      plan: {
        agreements: [{ text: "Weekly visit", status: "open", ownerOrganisationId: zwolle.organisationId }],
      },
    },
    { "if-match": etag },
  );
  expect(plan.statusCode).toBe(200);
  const { reference } = (await zwolle.get(`/api/v1/cases/${caseId}`)).json() as { reference: string };
  return { caseId, reference };
}

const note = "Vader dreigt de school; let op bij het ophalen.";
const otherNote = "Moeder verhuist naar Deventer; warme overdracht gewenst.";

describe("a declined handover", () => {
  it("stops every read of the decliner, lists included: the note is no longer returned to it", async () => {
    const { caseId, reference } = await zwolleCase();
    const proposed = await zwolle.post(`/api/v1/cases/${caseId}/handovers`, {
      toOrganisationId: deventer.organisationId,
      note,
    });
    expect(proposed.statusCode).toBe(201);
    const handoverId = proposed.json().id as string;
    const whileDeciding = await everyListOf(deventer);
    expect(whileDeciding).toContain(note);
    expect(whileDeciding).toContain(caseId);

    const declined = await deventer.post(`/api/v1/handovers/${handoverId}/decline`, {
      reason: "Not our municipality.",
    });
    expect(declined.statusCode).toBe(200);
    const after = await everyListOf(deventer);
    for (const trace of [note, caseId, handoverId, reference]) {
      expect(after).not.toContain(trace);
    }
    for (const url of [
      `/api/v1/cases/${caseId}`,
      `/api/v1/cases/${caseId}/safety-plan`,
      `/api/v1/cases/${caseId}/history`,
    ]) {
      expect((await deventer.get(url)).statusCode, url).toBe(404);
    }
    // The sender, still involved, keeps the handover, its note and the decline.
    expect((await zwolle.get("/api/v1/handovers")).json().items).toContainEqual(
      expect.objectContaining({ id: handoverId, status: "declined", note, direction: "outgoing" }),
    );
  });
});

describe("an ended involvement", () => {
  it("stops every read, lists included", async () => {
    const { caseId, reference } = await zwolleCase();
    // Zwolle hands the case on and its part ends: it follows up only.
    const proposed = await zwolle.post(`/api/v1/cases/${caseId}/handovers`, {
      toOrganisationId: deventer.organisationId,
      note: otherNote,
      senderPart: "ends",
    });
    const handoverId = proposed.json().id as string;
    expect((await deventer.post(`/api/v1/handovers/${handoverId}/accept`)).statusCode).toBe(200);
    const followingUp = await everyListOf(zwolle);
    expect(followingUp).toContain(caseId);
    expect(followingUp).toContain(handoverId);

    // Its last follow-up is in: the follow-up involvement ends.
    await t.database.db
      .update(caseInvolvements)
      .set({ endedAt: new Date() })
      .where(
        and(
          eq(caseInvolvements.caseId, caseId),
          eq(caseInvolvements.organisationId, zwolle.organisationId),
          isNull(caseInvolvements.endedAt),
        ),
      );
    const after = await everyListOf(zwolle);
    for (const trace of [otherNote, caseId, handoverId, reference]) {
      expect(after).not.toContain(trace);
    }
    expect((await zwolle.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    // The receiver, now involved, has the handover and the case.
    expect((await deventer.get("/api/v1/handovers")).json().items).toContainEqual(
      expect.objectContaining({ id: handoverId, status: "accepted", direction: "incoming" }),
    );
    expect((await deventer.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
  });
});

describe("the centre's work list", () => {
  it("holds no trajectory or task of a case the centre is no longer involved in", async () => {
    const report = await createReportAs(intake, sampleReport());
    expect((await intake.post(`/api/v1/reports/${report.id}/safety-assessment`, assessment)).statusCode).toBe(
      200,
    );
    const triaged = await intake.post(`/api/v1/reports/${report.id}/triage`, {
      route: "investigation",
      rationale: "Facts unclear.",
      keepReason: "insufficient-information",
    });
    expect(triaged.statusCode).toBe(200);
    const { caseId } = triaged.json() as { caseId: string };
    const caseIdsOf = async () => {
      const list = (await intake.get("/api/v1/centre-work")).json() as {
        trajectories: { caseId: string }[];
        tasks: { caseId: string | null }[];
      };
      return [...list.trajectories, ...list.tasks].map((x) => x.caseId);
    };
    expect(await caseIdsOf()).toContain(caseId);
    await t.database.db
      .update(caseInvolvements)
      .set({ endedAt: new Date() })
      .where(
        and(eq(caseInvolvements.caseId, caseId), eq(caseInvolvements.organisationId, intake.organisationId)),
      );
    expect(await caseIdsOf()).not.toContain(caseId);
  });
});
