import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import { auditEntries, followUps, handovers, notifications } from "../db/schema.ts";
import { runDeadlineSweep } from "../jobs/scheduler.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

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

/** A new household handed by the centre to the given organisation. */
async function handedTo(session: TestSession, municipalityCode = "GM0193") {
  const report = await createReportAs(intake, sampleReport({ municipalityCode }));
  return handOver(intake, report.id, session.organisationId);
}

async function putPlan(session: TestSession, caseId: string, etag: string | undefined, plan: unknown) {
  return session.request(
    "PUT",
    `/api/v1/cases/${caseId}/safety-plan`,
    { plan },
    etag ? { "if-match": etag } : {},
  );
}

describe("a case handed to the local team of Zwolle", () => {
  it("goes from accepted handover to a safe closure with follow-ups", async () => {
    const { caseId, handoverId } = await handedTo(zwolle);

    // While pending, Zwolle reads but cannot change the case.
    const received = (await zwolle.get("/api/v1/notifications")).json();
    expect(received.items).toContainEqual(expect.objectContaining({ kind: "handover-received", handoverId }));
    const before = await zwolle.get(`/api/v1/cases/${caseId}/safety-plan`);
    expect(before.statusCode).toBe(200);
    expect(before.headers.etag).toBe('"plan-v1"');
    expect(before.json()).toMatchObject({ version: 1, plan: { safetyConditions: [], agreements: [] } });
    expect((await putPlan(zwolle, caseId, '"plan-v1"', {})).statusCode).toBe(403);

    const accepted = await zwolle.post(`/api/v1/handovers/${handoverId}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ id: handoverId, caseId, status: "accepted" });
    expect((await intake.get("/api/v1/notifications")).json().items).toContainEqual(
      expect.objectContaining({ kind: "handover-accepted", handoverId }),
    );
    expect((await zwolle.post(`/api/v1/handovers/${handoverId}/accept`)).statusCode).toBe(409);
    const involved = (await zwolle.get(`/api/v1/cases/${caseId}`)).json();
    expect(involved.involvements).toEqual([
      expect.objectContaining({ organisationId: intake.organisationId, ground: "triage" }),
      expect.objectContaining({ organisationId: zwolle.organisationId, ground: "accepted-handover" }),
    ]);
    expect(involved.reports).toEqual([
      expect.objectContaining({ kind: "report", reference: expect.any(String) }),
    ]);

    // Zwolle takes direction.
    const director = await zwolle.post(`/api/v1/cases/${caseId}/director`, { userId: zwolle.userId });
    expect(director.json()).toEqual({
      director: { userId: zwolle.userId, organisationId: zwolle.organisationId },
    });
    const local = await zwolle.post(`/api/v1/cases/${caseId}/direction`, {
      direction: "local",
      reason: "The local team directs; safety is in place.",
    });
    expect(local.json()).toEqual({ direction: "local" });

    // The plan: one safety condition and one agreement for Zwolle.
    const saved = await putPlan(zwolle, caseId, '"plan-v1"', {
      concerns: "Father hits mother when drunk; the child sees it.",
      goal: "Noor is safe at home.",
      safetyConditions: [{ text: "Father does not stay overnight" }],
      agreements: [
        { text: "Weekly home visit", ownerOrganisationId: zwolle.organisationId, dueOn: "2026-12-01" },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"plan-v2"');
    const plan = saved.json().plan;
    expect(plan.safetyConditions[0]).toMatchObject({ met: false, id: expect.any(String) });
    expect(plan.agreements[0]).toMatchObject({ status: "open", id: expect.any(String) });

    const agreements = (await zwolle.get("/api/v1/agreements")).json();
    expect(agreements.items).toContainEqual(
      expect.objectContaining({ caseId, text: "Weekly home visit", dueOn: "2026-12-01" }),
    );

    const refused = await zwolle.post(`/api/v1/cases/${caseId}/phase`, {
      phase: "risk-driven-care",
      reason: "Safety in place",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/not every safety condition of the plan is met/);

    const met = await putPlan(zwolle, caseId, '"plan-v2"', {
      ...plan,
      safetyConditions: [{ ...plan.safetyConditions[0], met: true }],
    });
    expect(met.statusCode).toBe(200);
    const moved = await zwolle.post(`/api/v1/cases/${caseId}/phase`, {
      phase: "risk-driven-care",
      reason: "Safety in place",
    });
    expect(moved.json()).toEqual({ phase: "risk-driven-care" });

    // Children central: the child has no help until it is recorded.
    const theCase = (await zwolle.get(`/api/v1/cases/${caseId}`)).json();
    expect(theCase.flags.childrenWithoutHelp).toBe(1);
    const child = theCase.persons.find((p: { role: string }) => p.role === "child-witness");
    const listed = (await zwolle.get("/api/v1/cases?limit=100")).json().items;
    expect(listed.find((c: { id: string }) => c.id === caseId).childrenWithoutHelp).toBe(1);
    const help = await zwolle.post(`/api/v1/cases/${caseId}/persons/${child.id}/help-offered`, {
      date: "2026-11-20",
      description: "Play therapy at the youth team",
    });
    expect(help.statusCode).toBe(201);
    const after = (await zwolle.get(`/api/v1/cases/${caseId}`)).json();
    expect(after.flags.childrenWithoutHelp).toBe(0);
    const relisted = (await zwolle.get("/api/v1/cases?limit=100")).json().items;
    expect(relisted.find((c: { id: string }) => c.id === caseId).childrenWithoutHelp).toBe(0);
    expect(after.persons.find((p: { id: string }) => p.id === child.id).help).toEqual([
      { on: "2026-11-20", description: "Play therapy at the youth team" },
    ]);
    expect(after).toMatchObject({
      phase: "risk-driven-care",
      direction: "local",
      director: { userId: zwolle.userId, name: "Lotte Bakker" },
    });

    // The agreement is still open: the director closes past it only with a reason for it.
    const blocked = await zwolle.post(`/api/v1/cases/${caseId}/close`, { reason: "Safe for three months." });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().reasons).toEqual([
      expect.objectContaining({ code: "agreement-open", itemId: plan.agreements[0].id, overridable: true }),
    ]);
    // Closure schedules three follow-ups for Zwolle.
    const closed = await zwolle.post(`/api/v1/cases/${caseId}/close`, {
      reason: "Safe for three months.",
      overrides: [
        {
          code: "agreement-open",
          itemId: plan.agreements[0].id,
          reason: "Home visits continue in general care.",
        },
      ],
    });
    expect(closed.statusCode).toBe(200);
    const today = dateInAmsterdam(new Date());
    expect(closed.json().followUps.map((f: { dueOn: string }) => f.dueOn)).toEqual([
      addMonths(today, 3),
      addMonths(today, 6),
      addMonths(today, 12),
    ]);
    const due = (await zwolle.get("/api/v1/follow-ups")).json();
    expect(due.items.filter((f: { caseId: string }) => f.caseId === caseId)).toHaveLength(3);
    const [first] = (await zwolle.get(`/api/v1/cases/${caseId}/follow-ups`)).json().items;
    expect((await intake.post(`/api/v1/follow-ups/${first.id}`, { outcome: "safe" })).statusCode).toBe(403);
    // Not before two weeks ahead of its due date: the 409 says when it opens.
    const early = await zwolle.post(`/api/v1/follow-ups/${first.id}`, { outcome: "safe" });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      type: expect.stringMatching(/follow-up-not-yet-open$/),
      opensOn: first.opensOn,
    });
    await t.database.db.update(followUps).set({ dueOn: today }).where(eq(followUps.id, first.id));
    const recorded = await zwolle.post(`/api/v1/follow-ups/${first.id}`, {
      outcome: "safe",
      notes: "All well.",
    });
    expect(recorded.json()).toMatchObject({ status: "recorded", outcome: "safe" });

    const closedPlan = await zwolle.get(`/api/v1/cases/${caseId}/safety-plan`);
    const lateEdit = await putPlan(zwolle, caseId, closedPlan.headers.etag as string, { goal: "Later" });
    expect(lateEdit.statusCode).toBe(409);

    const reopened = await zwolle.post(`/api/v1/cases/${caseId}/reopen`, {
      reason: "New report from school.",
    });
    expect(reopened.json()).toEqual({ status: "open" });
    const afterReopen = (await zwolle.get(`/api/v1/cases/${caseId}/follow-ups`)).json().items;
    expect(afterReopen.map((f: { status: string }) => f.status)).toEqual([
      "recorded",
      "cancelled",
      "cancelled",
    ]);

    // The history tells who did what, from which organisation.
    const history = (await zwolle.get(`/api/v1/cases/${caseId}/history`)).json().items;
    expect(history.map((h: { kind: string }) => h.kind)).toEqual([
      "case-opened",
      "handover-proposed",
      "handover-accepted",
      "director-changed",
      "direction-changed",
      "plan-saved",
      "plan-saved",
      "phase-changed",
      "help-offered",
      "closure-override",
      "case-closed",
      "follow-up-recorded",
      "case-reopened",
    ]);
    const phase = history.find((h: { kind: string }) => h.kind === "phase-changed");
    expect(phase).toMatchObject({
      userName: "Lotte Bakker",
      organisationId: zwolle.organisationId,
      reason: "Safety in place",
      details: { from: "safety", to: "risk-driven-care" },
    });

    const [audit] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "case.plan.save"), eq(auditEntries.caseId, caseId)))
      .orderBy(desc(auditEntries.seq))
      .limit(1);
    expect(audit?.ground).toMatch(/^involved through accepted handover since/);
    expect(audit?.personIds).toHaveLength(3);
  });

  it("refuses to leave safety while acute unsafety is open, and always allows moving back", async () => {
    const { caseId, handoverId } = await handedTo(zwolle);
    await zwolle.post(`/api/v1/handovers/${handoverId}/accept`);
    await putPlan(zwolle, caseId, '"plan-v1"', { safetyConditions: [{ text: "No contact", met: true }] });
    const acute = await zwolle.post(`/api/v1/cases/${caseId}/safety-assessments`, {
      acuteUnsafety: true,
      structuralUnsafety: true,
    });
    expect(acute.statusCode).toBe(201);
    expect((await zwolle.get(`/api/v1/cases/${caseId}`)).json().flags.acuteUnsafety).toBe(true);
    const refused = await zwolle.post(`/api/v1/cases/${caseId}/phase`, { phase: "recovery", reason: "x" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([{ path: "phase", message: "acute-unsafety-open" }]);

    await zwolle.post(`/api/v1/cases/${caseId}/safety-assessments`, {
      acuteUnsafety: false,
      structuralUnsafety: true,
    });
    expect(
      (await zwolle.post(`/api/v1/cases/${caseId}/phase`, { phase: "recovery", reason: "Calm" })).statusCode,
    ).toBe(200);
    const back = await zwolle.post(`/api/v1/cases/${caseId}/phase`, {
      phase: "safety",
      reason: "New violence",
    });
    expect(back.json()).toEqual({ phase: "safety" });
  });

  it("lets a second save from the same version fail with 412, and requires If-Match", async () => {
    const { caseId, handoverId } = await handedTo(zwolle);
    await zwolle.post(`/api/v1/handovers/${handoverId}/accept`);
    expect((await putPlan(zwolle, caseId, undefined, { goal: "x" })).statusCode).toBe(428);
    const first = await putPlan(zwolle, caseId, '"plan-v1"', { goal: "Safe at home" });
    expect(first.statusCode).toBe(200);
    const second = await putPlan(intake, caseId, '"plan-v1"', { goal: "Safe at school" });
    expect(second.statusCode).toBe(412);
    expect(second.json().type).toMatch(/plan-changed$/);
    // What the second user typed is still theirs to re-apply on the newest version.
    const versions = (await intake.get(`/api/v1/cases/${caseId}/safety-plan/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({
      authorName: "Lotte Bakker",
      authorOrganisationId: zwolle.organisationId,
    });
    const v1 = (await intake.get(`/api/v1/cases/${caseId}/safety-plan/versions/1`)).json();
    expect(v1.plan.goal).toBe("");
    const reapplied = await putPlan(intake, caseId, '"plan-v2"', { goal: "Safe at home and at school" });
    expect(reapplied.statusCode).toBe(200);
    expect(reapplied.json().version).toBe(3);
    expect((await intake.get(`/api/v1/cases/${caseId}/safety-plan/versions/9`)).statusCode).toBe(404);
  });

  it("refuses a director outside the involved organisations and closure while a handover is pending", async () => {
    const { caseId } = await handedTo(zwolle);
    const outsider = await intake.post(`/api/v1/cases/${caseId}/director`, { userId: deventer.userId });
    expect(outsider.statusCode).toBe(400);
    // Zwolle is only deciding on the handover: not yet a possible director.
    expect(
      (await intake.post(`/api/v1/cases/${caseId}/director`, { userId: zwolle.userId })).statusCode,
    ).toBe(400);
    const close = await intake.post(`/api/v1/cases/${caseId}/close`, { reason: "Done" });
    expect(close.statusCode).toBe(409);
  });
});

describe("a declined handover", () => {
  it("ends Deventer's access and tells the centre why; the case stays with the centre", async () => {
    const { caseId, handoverId } = await handedTo(deventer, "GM0150");
    expect((await deventer.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    expect((await deventer.post(`/api/v1/handovers/${handoverId}/decline`, {})).statusCode).toBe(400);
    const declined = await deventer.post(`/api/v1/handovers/${handoverId}/decline`, {
      reason: "The family lives in Zwolle.",
    });
    expect(declined.json()).toEqual({ id: handoverId, caseId, status: "declined" });
    expect((await deventer.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await deventer.get(`/api/v1/cases/${caseId}/history`)).statusCode).toBe(404);
    expect((await deventer.get("/api/v1/notifications")).json().items).not.toContainEqual(
      expect.objectContaining({ caseId }),
    );

    const centre = (await intake.get(`/api/v1/cases/${caseId}`)).json();
    expect(centre.handovers[0]).toMatchObject({ id: handoverId, status: "declined" });
    expect((await intake.get("/api/v1/notifications")).json().items).toContainEqual(
      expect.objectContaining({ kind: "handover-declined", handoverId }),
    );
    const history = (await intake.get(`/api/v1/cases/${caseId}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({
      kind: "handover-declined",
      reason: "The family lives in Zwolle.",
    });
  });
});

describe("overdue handovers", () => {
  it("come first in the list and are notified once", async () => {
    const { handoverId } = await handedTo(zwolle);
    await t.database.db.update(handovers).set({ dueOn: "2026-01-05" }).where(eq(handovers.id, handoverId));
    const list = (await zwolle.get("/api/v1/handovers?status=pending")).json();
    expect(list.items[0]).toMatchObject({ id: handoverId, overdue: true });
    await runDeadlineSweep(t.database.db);
    await runDeadlineSweep(t.database.db);
    const notices = (await zwolle.get("/api/v1/notifications")).json().items;
    expect(
      notices.filter(
        (n: { kind: string; handoverId: string }) =>
          n.kind === "handover-overdue" && n.handoverId === handoverId,
      ),
    ).toHaveLength(1);
    const notice = notices.find((n: { kind: string }) => n.kind === "handover-overdue");
    expect((await zwolle.post(`/api/v1/notifications/${notice.id}/read`)).statusCode).toBe(204);
    expect((await deventer.post(`/api/v1/notifications/${notice.id}/read`)).statusCode).toBe(404);
  });
});

describe("notifications the receiver acts on", () => {
  type Notice = { id: string; kind: string; handoverId: string | null; read: boolean };
  const noticesOf = async (session: TestSession, handoverId: string): Promise<Notice[]> =>
    ((await session.get("/api/v1/notifications?limit=100")).json().items as Notice[]).filter(
      (n) => n.handoverId === handoverId,
    );

  it("are read once the handover is accepted: received and overdue alike, each in the audit log", async () => {
    const { handoverId } = await handedTo(zwolle);
    await t.database.db.update(handovers).set({ dueOn: "2026-01-05" }).where(eq(handovers.id, handoverId));
    await runDeadlineSweep(t.database.db);
    const before = await noticesOf(zwolle, handoverId);
    expect(before.map((n) => [n.kind, n.read]).sort()).toEqual([
      ["handover-overdue", false],
      ["handover-received", false],
    ]);

    expect((await zwolle.post(`/api/v1/handovers/${handoverId}/accept`)).statusCode).toBe(200);
    expect((await noticesOf(zwolle, handoverId)).map((n) => n.read)).toEqual([true, true]);
    // What the sender is told of the decision stays unread for the sender.
    expect(await noticesOf(intake, handoverId)).toEqual([
      expect.objectContaining({ kind: "handover-accepted", read: false }),
    ]);
    const audited = await t.database.db
      .select({ subjectId: auditEntries.subjectId, userId: auditEntries.userId })
      .from(auditEntries)
      .where(eq(auditEntries.action, "notification.read"));
    for (const notice of before) {
      expect(audited).toContainEqual({ subjectId: notice.id, userId: zwolle.userId });
    }
  });

  it("are read once the handover is declined, and a second decision changes nothing", async () => {
    const { handoverId } = await handedTo(zwolle);
    const [received] = await noticesOf(zwolle, handoverId);
    expect(received).toMatchObject({ kind: "handover-received", read: false });
    const declined = await zwolle.post(`/api/v1/handovers/${handoverId}/decline`, { reason: "Not ours." });
    expect(declined.statusCode).toBe(200);
    const [row] = await t.database.db
      .select({ readAt: notifications.readAt, readBy: notifications.readBy })
      .from(notifications)
      .where(eq(notifications.id, received?.id ?? ""));
    expect(row?.readBy).toBe(zwolle.userId);
    expect(row?.readAt).toBeInstanceOf(Date);
    expect(
      (await zwolle.post(`/api/v1/handovers/${handoverId}/decline`, { reason: "Again." })).statusCode,
    ).toBe(409);
  });
});
