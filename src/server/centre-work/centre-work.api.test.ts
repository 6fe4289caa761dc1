import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays, addWorkingDays, dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import type { CreateReport } from "../../shared/intake.ts";
import { caseEvents, cases, centreTrajectories, reports, settings } from "../db/schema.ts";
import { loadCalendar } from "../settings/settings.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { assessment, createReportAs, sampleReport } from "../test-support/reports.ts";
import { calendarDaysBetween } from "./lateness.ts";

let t: TestApp;
let intake: TestSession;
let worker: TestSession;
let zwolle: TestSession;
let police: TestSession;
let today: string;
let familyNumber = 0;

beforeAll(async () => {
  t = await createTestApp();
  intake = await t.login("intake");
  worker = await t.login("centre.worker");
  zwolle = await t.login("lt.zwolle");
  police = await t.login("police");
  today = dateInAmsterdam(new Date());
});
afterAll(() => t.close());

/** A report on a household nobody has reported before, so that each test gets its own case. */
function newFamily(overrides: Partial<CreateReport> = {}): CreateReport {
  familyNumber += 1;
  const surname = `Familie${"abcdefghij"[familyNumber % 10]}${familyNumber}x`;
  return sampleReport({
    persons: [
      {
        key: "m",
        firstName: "Sanne",
        lastName: surname,
        birthDate: `1980-01-${10 + familyNumber}`,
        role: "victim",
      },
      {
        key: "f",
        firstName: "Kees",
        lastName: surname,
        birthDate: `1979-02-${10 + familyNumber}`,
        role: "alleged-perpetrator",
      },
      {
        key: "c",
        firstName: "Lotte",
        lastName: surname,
        birthDate: `2016-03-${10 + familyNumber}`,
        role: "child-witness",
      },
    ],
    relations: [{ from: "m", to: "f", type: "partner" }],
    violenceTypes: ["partner-violence", "child-witness-partner-violence"],
    ...overrides,
  });
}

async function assessed(body: CreateReport, acute = false) {
  const report = await createReportAs(intake, body);
  const response = await intake.post(`/api/v1/reports/${report.id}/safety-assessment`, {
    ...assessment,
    acuteUnsafety: acute,
  });
  expect(response.statusCode).toBe(200);
  return report.id;
}

async function triaged(reportId: string, route: string, keepReason?: string) {
  const response = await intake.post(`/api/v1/reports/${reportId}/triage`, {
    route,
    rationale: "The centre keeps this one.",
    ...(keepReason ? { keepReason } : {}),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().caseId as string;
}

async function centreWorkOf(caseId: string, session = intake) {
  const response = await session.get(`/api/v1/cases/${caseId}/centre-work`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe("the reason the centre keeps a case", () => {
  it("is required on the routes where the centre keeps the case, listed with the other field problems", async () => {
    const reportId = await assessed(newFamily());
    for (const route of ["investigation", "conditions-and-follow-up", "crisis"]) {
      const response = await intake.post(`/api/v1/reports/${reportId}/triage`, { route, rationale: "" });
      expect(response.statusCode).toBe(400);
      const paths = response.json().errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(["keepReason", "rationale"]));
    }
    const onHandover = await intake.post(`/api/v1/reports/${reportId}/triage`, {
      route: "close-with-advice",
      rationale: "No further steps.",
      keepReason: "anonymity-promised",
    });
    expect(onHandover.statusCode).toBe(400);
    expect(onHandover.json().errors).toEqual([
      expect.objectContaining({ path: "keepReason", message: "only when the centre keeps the case" }),
    ]);
    const unknown = await intake.post(`/api/v1/reports/${reportId}/triage`, {
      route: "investigation",
      rationale: "Unclear.",
      keepReason: "because",
    });
    expect(unknown.statusCode).toBe(400);
    // Nothing was left behind by the refused triages.
    expect((await intake.get(`/api/v1/reports/${reportId}`)).json().status).toBe("awaiting-triage");

    await triaged(reportId, "investigation", "family-refuses-help");
    expect((await intake.get(`/api/v1/reports/${reportId}`)).json().triage.keepReason).toBe(
      "family-refuses-help",
    );
  });
});

describe("an investigation", () => {
  it("waits to start, then shows its 10-week date from the start; lateness shows but never blocks", async () => {
    const reportId = await assessed(newFamily());
    const caseId = await triaged(reportId, "investigation", "insufficient-information");

    let work = await centreWorkOf(caseId);
    expect(work.trajectories).toHaveLength(1);
    const [waiting] = work.trajectories;
    expect(waiting).toMatchObject({
      kind: "investigation",
      status: "not-started",
      keepReason: "insufficient-information",
      triagedOn: today,
      startedOn: null,
      waitDays: 0,
      lateness: { dueOn: null, overdue: false, daysLate: 0, daysLeft: null },
      violenceTypes: ["partner-violence", "child-witness-partner-violence"],
    });
    // On the centre's work list, not on the local team's.
    const list = (await worker.get("/api/v1/centre-work")).json();
    expect(list.trajectories.map((x: { id: string }) => x.id)).toContain(waiting.id);
    expect((await zwolle.get("/api/v1/centre-work")).json().trajectories).toEqual([]);

    const future = await intake.post(`/api/v1/trajectories/${waiting.id}/start`, {
      startedOn: addCalendarDays(today, 1),
    });
    expect(future.statusCode).toBe(400);
    const beforeTriage = await intake.post(`/api/v1/trajectories/${waiting.id}/start`, {
      startedOn: addCalendarDays(today, -1),
    });
    expect(beforeTriage.statusCode).toBe(400);
    expect(beforeTriage.json().errors[0].path).toBe("startedOn");
    const tooEarly = await intake.post(`/api/v1/trajectories/${waiting.id}/outcome`, {
      completedOn: today,
      findings: [],
    });
    expect(tooEarly.statusCode).toBe(409);

    const started = await worker.post(`/api/v1/trajectories/${waiting.id}/start`, { startedOn: today });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({
      status: "running",
      startedOn: today,
      weeks: 10,
      lateness: { dueOn: addCalendarDays(today, 70), overdue: false, daysLeft: 70 },
    });
    expect(
      (await intake.post(`/api/v1/trajectories/${waiting.id}/start`, { startedOn: today })).statusCode,
    ).toBe(409);

    // Findings: one per violence type of the case's reports, nothing else, nothing twice.
    const incomplete = await intake.post(`/api/v1/trajectories/${waiting.id}/outcome`, {
      completedOn: today,
      findings: [
        { violenceType: "partner-violence", finding: "confirmed" },
        { violenceType: "partner-violence", finding: "refuted" },
        { violenceType: "elder-neglect", finding: "refuted" },
      ],
    });
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete.json().errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`),
    ).toEqual([
      "findings.1.violenceType: named twice",
      "findings.2.violenceType: not a violence type of the case's reports",
      "findings: no finding for child-witness-partner-violence",
    ]);

    const done = await intake.post(`/api/v1/trajectories/${waiting.id}/outcome`, {
      completedOn: today,
      findings: [
        { violenceType: "partner-violence", finding: "confirmed" },
        { violenceType: "child-witness-partner-violence", finding: "not-confirmed" },
      ],
      notes: "Both parents were heard.",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: "done",
      completedOn: today,
      lateness: { daysLate: 0, overdue: false },
      outcome: {
        notes: "Both parents were heard.",
        findings: [
          { violenceType: "partner-violence", finding: "confirmed" },
          { violenceType: "child-witness-partner-violence", finding: "not-confirmed" },
        ],
        conditions: [],
      },
    });
    expect(
      (await intake.post(`/api/v1/trajectories/${waiting.id}/outcome`, { completedOn: today, findings: [] }))
        .statusCode,
    ).toBe(409);

    // Feedback to the reporter after the investigation is a task, on the work list.
    work = await centreWorkOf(caseId);
    const feedback = work.tasks.find((x: { kind: string }) => x.kind === "reporter-feedback-investigation");
    expect(feedback).toMatchObject({
      reportId,
      trajectoryId: waiting.id,
      doneOn: null,
      lateness: { dueOn: addWorkingDays(today, 5, await loadCalendar(t.database.db)), overdue: false },
    });
    const history = (await intake.get(`/api/v1/cases/${caseId}/history`)).json();
    const kinds = history.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["trajectory-started", "trajectory-completed"]));
  });

  it("done late stays late: the days past the due date remain on the trajectory after its outcome", async () => {
    const reportId = await assessed(newFamily({ violenceTypes: ["partner-violence"] }));
    const caseId = await triaged(reportId, "investigation", "direct-intervention");
    // Triaged (and started) long ago: move the triage date back, as the clock cannot be.
    await t.database.db
      .update(centreTrajectories)
      .set({ triagedOn: "2026-01-05" })
      .where(eq(centreTrajectories.caseId, caseId));
    const [trajectory] = (await centreWorkOf(caseId)).trajectories;
    expect(trajectory.waitDays).toBe(calendarDaysBetween("2026-01-05", today));
    const started = await intake.post(`/api/v1/trajectories/${trajectory.id}/start`, {
      startedOn: "2026-01-12",
    });
    expect(started.json()).toMatchObject({ waitDays: 7, lateness: { dueOn: "2026-03-23", overdue: true } });
    const overdueFirst = (await intake.get("/api/v1/centre-work")).json().trajectories;
    expect(overdueFirst[0].id).toBe(trajectory.id);

    const done = await intake.post(`/api/v1/trajectories/${trajectory.id}/outcome`, {
      completedOn: "2026-03-26",
      findings: [{ violenceType: "partner-violence", finding: "refuted" }],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().lateness).toEqual({
      dueOn: "2026-03-23",
      overdue: false,
      daysLate: 3,
      daysLeft: null,
    });
    expect((await centreWorkOf(caseId)).trajectories[0].lateness.daysLate).toBe(3);
    // Done: off the work list.
    const list = (await intake.get("/api/v1/centre-work")).json().trajectories;
    expect(list.map((x: { id: string }) => x.id)).not.toContain(trajectory.id);
  });

  it("counts the configured period, the one in force when it starts", async () => {
    await t.database.db
      .insert(settings)
      .values({ key: "centre-work", value: { trajectoryWeeks: 12 }, updatedAt: new Date() });
    try {
      const caseId = await triaged(await assessed(newFamily()), "investigation", "family-refuses-help");
      const [trajectory] = (await centreWorkOf(caseId)).trajectories;
      const started = await intake.post(`/api/v1/trajectories/${trajectory.id}/start`, { startedOn: today });
      expect(started.json()).toMatchObject({ weeks: 12, lateness: { dueOn: addCalendarDays(today, 84) } });
    } finally {
      await t.database.db.delete(settings).where(eq(settings.key, "centre-work"));
    }
  });

  it("is started once when two workers record the start at the same moment", async () => {
    const caseId = await triaged(await assessed(newFamily()), "investigation", "insufficient-information");
    const [trajectory] = (await centreWorkOf(caseId)).trajectories;
    const answers = await Promise.all([
      intake.post(`/api/v1/trajectories/${trajectory.id}/start`, { startedOn: today }),
      worker.post(`/api/v1/trajectories/${trajectory.id}/start`, { startedOn: today }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const events = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.filter((e) => e.kind === "trajectory-started")).toHaveLength(1);
  });

  it("is not started on a closed case", async () => {
    const caseId = await triaged(await assessed(newFamily()), "investigation", "insufficient-information");
    const [trajectory] = (await centreWorkOf(caseId)).trajectories;
    await t.database.db
      .update(cases)
      .set({ status: "closed", closedAt: new Date() })
      .where(eq(cases.id, caseId));
    const refused = await intake.post(`/api/v1/trajectories/${trajectory.id}/start`, { startedOn: today });
    expect(refused.statusCode).toBe(409);
    expect((await centreWorkOf(caseId)).trajectories[0].status).toBe("not-started");
    // Off the work list with its case.
    const list = (await intake.get("/api/v1/centre-work")).json().trajectories;
    expect(list.map((x: { id: string }) => x.id)).not.toContain(trajectory.id);
  });

  it("is not the local team's to run, and not visible to an organisation not involved", async () => {
    const caseId = await triaged(await assessed(newFamily()), "investigation", "insufficient-information");
    const [trajectory] = (await centreWorkOf(caseId)).trajectories;
    expect(
      (await zwolle.post(`/api/v1/trajectories/${trajectory.id}/start`, { startedOn: today })).statusCode,
    ).toBe(404);
    expect((await zwolle.get(`/api/v1/cases/${caseId}/centre-work`)).statusCode).toBe(404);
    expect((await police.get(`/api/v1/cases/${caseId}/centre-work`)).statusCode).toBe(403);
    expect(
      (await intake.post(`/api/v1/trajectories/${trajectory.id.toUpperCase()}/start`, { startedOn: today }))
        .statusCode,
    ).toBe(200);
  });
});

describe("conditions and follow-up", () => {
  it("takes its outcome from the safety plan's conditions, as a snapshot", async () => {
    const caseId = await triaged(
      await assessed(newFamily()),
      "conditions-and-follow-up",
      "direct-intervention",
    );
    const [trajectory] = (await centreWorkOf(caseId)).trajectories;
    expect(trajectory.kind).toBe("conditions-and-follow-up");
    await intake.post(`/api/v1/trajectories/${trajectory.id}/start`, { startedOn: today });

    const noConditions = await intake.post(`/api/v1/trajectories/${trajectory.id}/outcome`, {
      completedOn: today,
    });
    expect(noConditions.statusCode).toBe(409);
    expect(noConditions.json().type).toMatch(/no-safety-condition$/);
    const withFindings = await intake.post(`/api/v1/trajectories/${trajectory.id}/outcome`, {
      completedOn: today,
      findings: [{ violenceType: "partner-violence", finding: "confirmed" }],
    });
    expect(withFindings.statusCode).toBe(400);

    const plan = await intake.get(`/api/v1/cases/${caseId}/safety-plan`);
    const saved = await intake.request(
      "PUT",
      `/api/v1/cases/${caseId}/safety-plan`,
      {
        plan: {
          safetyConditions: [
            { text: "The father lives elsewhere", met: true },
            { text: "No violence in front of the child", met: false },
          ],
        },
      },
      { "if-match": plan.headers.etag as string },
    );
    expect(saved.statusCode, saved.body).toBe(200);

    const done = await intake.post(`/api/v1/trajectories/${trajectory.id}/outcome`, { completedOn: today });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().outcome).toMatchObject({
      planVersion: 2,
      findings: [],
      conditions: [
        { text: "The father lives elsewhere", met: true },
        { text: "No violence in front of the child", met: false },
      ],
    });

    // The plan goes on; the outcome keeps the conditions as they stood.
    const later = await intake.request(
      "PUT",
      `/api/v1/cases/${caseId}/safety-plan`,
      { plan: { safetyConditions: [{ text: "The father lives elsewhere", met: false }] } },
      { "if-match": saved.headers.etag as string },
    );
    expect(later.statusCode).toBe(200);
    const after = (await centreWorkOf(caseId)).trajectories[0];
    expect(after.outcome.conditions).toHaveLength(2);
  });

  it("joins the running trajectory when a second report on the household comes in", async () => {
    const family = newFamily();
    const caseId = await triaged(await assessed(family), "conditions-and-follow-up", "direct-intervention");
    const second = await createReportAs(intake, { ...family, receivedAt: "2026-04-25T09:15:00+02:00" });
    expect((await intake.post(`/api/v1/reports/${second.id}/link`, { caseId })).statusCode).toBe(200);
    await intake.post(`/api/v1/reports/${second.id}/safety-assessment`, assessment);
    expect(await triaged(second.id, "conditions-and-follow-up", "family-refuses-help")).toBe(caseId);
    const { trajectories, tasks } = await centreWorkOf(caseId);
    expect(trajectories).toHaveLength(1);
    // Each report has its own reporter and its own tasks.
    expect(tasks).toHaveLength(4);
  });
});

describe("feedback to the reporter and informing the family", () => {
  it("are tasks created at triage, with a due date, and when done the date and what was said", async () => {
    const reportId = await assessed(newFamily());
    const caseId = await triaged(reportId, "investigation", "insufficient-information");
    const due = addWorkingDays(today, 5, await loadCalendar(t.database.db));
    const { tasks } = await centreWorkOf(caseId);
    expect(tasks.map((x: { kind: string }) => x.kind).sort()).toEqual([
      "inform-family",
      "reporter-feedback-assessment",
    ]);
    for (const task of tasks) {
      expect(task).toMatchObject({
        reportId,
        caseId,
        doneOn: null,
        lateness: { dueOn: due, overdue: false },
      });
    }
    const feedback = tasks.find((x: { kind: string }) => x.kind === "reporter-feedback-assessment");
    const list = (await intake.get("/api/v1/centre-work")).json();
    expect(list.tasks.map((x: { id: string }) => x.id)).toContain(feedback.id);

    const empty = await intake.post(`/api/v1/centre-tasks/${feedback.id}/done`, {
      doneOn: today,
      notes: " ",
    });
    expect(empty.statusCode).toBe(400);
    const future = await intake.post(`/api/v1/centre-tasks/${feedback.id}/done`, {
      doneOn: addCalendarDays(today, 2),
      notes: "Told the teacher.",
    });
    expect(future.statusCode).toBe(400);
    expect(
      (await zwolle.post(`/api/v1/centre-tasks/${feedback.id}/done`, { doneOn: today, notes: "x" }))
        .statusCode,
    ).toBe(404);
    expect(
      (await police.post(`/api/v1/centre-tasks/${feedback.id}/done`, { doneOn: today, notes: "x" }))
        .statusCode,
    ).toBe(403);
    const done = await worker.post(`/api/v1/centre-tasks/${feedback.id}/done`, {
      doneOn: today,
      notes: "Told the teacher the centre investigates, and what to watch for.",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      doneOn: today,
      doneNotes: "Told the teacher the centre investigates, and what to watch for.",
      lateness: { daysLate: 0, overdue: false, daysLeft: null },
    });
    expect(
      (await intake.post(`/api/v1/centre-tasks/${feedback.id}/done`, { doneOn: today, notes: "Again." }))
        .statusCode,
    ).toBe(409);
    const after = (await intake.get("/api/v1/centre-work")).json();
    expect(after.tasks.map((x: { id: string }) => x.id)).not.toContain(feedback.id);
    // Still on the case, done.
    expect((await centreWorkOf(caseId)).tasks.find((x: { id: string }) => x.id === feedback.id).doneOn).toBe(
      today,
    );
  });

  it("gives an anonymous reporter no feedback task, and closing with advice keeps the tasks without a case", async () => {
    const anonymous = await assessed(newFamily({ reporter: { category: "anonymous" } }));
    const caseId = await triaged(anonymous, "investigation", "anonymity-promised");
    expect((await centreWorkOf(caseId)).tasks.map((x: { kind: string }) => x.kind)).toEqual([
      "inform-family",
    ]);

    const closed = await assessed(newFamily());
    const triage = await intake.post(`/api/v1/reports/${closed}/triage`, {
      route: "close-with-advice",
      rationale: "No further steps.",
    });
    expect(triage.json().caseId).toBeUndefined();
    const list = (await intake.get("/api/v1/centre-work")).json();
    const ofReport = list.tasks.filter((x: { reportId: string }) => x.reportId === closed);
    expect(ofReport.map((x: { kind: string; caseId: string | null }) => [x.kind, x.caseId]).sort()).toEqual([
      ["inform-family", null],
      ["reporter-feedback-assessment", null],
    ]);
  });

  it("warns on informing the family when the centre keeps the reporter's identity from it", async () => {
    const reportId = await assessed(newFamily());
    const caseId = await triaged(reportId, "investigation", "anonymity-promised");
    const noReason = await intake.post(`/api/v1/reports/${reportId}/reporter-protection`, {
      protected: true,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe("reason");
    const decided = await intake.post(`/api/v1/reports/${reportId}/reporter-protection`, {
      protected: true,
      reason: "The reporter fears retaliation.",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ protected: true, reason: "The reporter fears retaliation." });
    expect((await worker.get(`/api/v1/reports/${reportId}/reporter-protection`)).json().protected).toBe(true);

    const inform = (await centreWorkOf(caseId)).tasks.find(
      (x: { kind: string }) => x.kind === "inform-family",
    );
    expect(inform.reporterProtected).toEqual({ reason: "The reporter fears retaliation." });
    const feedback = (await centreWorkOf(caseId)).tasks.find(
      (x: { kind: string }) => x.kind === "reporter-feedback-assessment",
    );
    expect(feedback.reporterProtected).toBeNull();

    // In the history, without the reason (the history is shown to every involved organisation).
    const history = (await intake.get(`/api/v1/cases/${caseId}/history`)).json().items;
    const event = history.find((e: { kind: string }) => e.kind === "reporter-protection-decided");
    expect(event).toMatchObject({ details: { reportId, protected: true } });
    expect(JSON.stringify(event)).not.toContain("retaliation");

    const lifted = await intake.post(`/api/v1/reports/${reportId}/reporter-protection`, { protected: false });
    expect(lifted.json()).toMatchObject({ protected: false, reason: null });
    const informAfter = (await centreWorkOf(caseId)).tasks.find(
      (x: { kind: string }) => x.kind === "inform-family",
    );
    expect(informAfter.reporterProtected).toBeNull();
  });
});

describe("the crisis route", () => {
  it("follows only an assessment that found acute unsafety, and leaves nothing behind otherwise", async () => {
    const reportId = await assessed(newFamily(), false);
    const refused = await intake.post(`/api/v1/reports/${reportId}/triage`, {
      route: "crisis",
      rationale: "Danger.",
      keepReason: "direct-intervention",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toMatch(/crisis-needs-acute-unsafety$/);
    const [report] = await t.database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(report).toMatchObject({ status: "awaiting-triage", caseId: null });
  });

  it("opens the case in the safety phase with the acute flag and asks for a measure until one is recorded", async () => {
    const reportId = await assessed(newFamily(), true);
    const caseId = await triaged(reportId, "crisis", "direct-intervention");
    const detail = (await intake.get(`/api/v1/cases/${caseId}`)).json();
    expect(detail).toMatchObject({ phase: "safety", flags: { acuteUnsafety: true } });
    let work = await centreWorkOf(caseId);
    expect(work.crises).toEqual([expect.objectContaining({ measureRecorded: false })]);
    expect(work.trajectories).toEqual([]);

    const father = detail.persons.find((p: { role: string }) => p.role === "alleged-perpetrator").id;
    const order = await intake.post(`/api/v1/cases/${caseId}/restraining-orders`, {
      startsOn: today,
      personId: father,
    });
    expect(order.statusCode).toBe(201);
    work = await centreWorkOf(caseId);
    expect(work.crises).toEqual([expect.objectContaining({ measureRecorded: true })]);
  });
});

describe("a request to the child protection board", () => {
  it("records the request and, once, its answer", async () => {
    const caseId = await triaged(await assessed(newFamily()), "investigation", "family-refuses-help");
    const request = await worker.post(`/api/v1/cases/${caseId}/board-requests`, {
      requestedOn: today,
      question: "Is a child protection measure needed?",
    });
    expect(request.statusCode, request.body).toBe(201);
    const made = request.json();
    expect(made).toMatchObject({
      requestedOn: today,
      question: "Is a child protection measure needed?",
      requestedBy: { userId: worker.userId, organisationId: worker.organisationId },
      answer: null,
    });
    const early = await worker.post(`/api/v1/board-requests/${made.id}/answer`, {
      answeredOn: addCalendarDays(today, -1),
      outcome: "measure-requested",
      text: "Supervision order requested.",
    });
    expect(early.statusCode).toBe(400);
    const bad = await worker.post(`/api/v1/board-requests/${made.id}/answer`, {
      answeredOn: "9999-01-01",
      outcome: "maybe",
      text: "\u0000".repeat(6000),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["answeredOn", "outcome", "text"]);
    const answered = await worker.post(`/api/v1/board-requests/${made.id}/answer`, {
      answeredOn: today,
      outcome: "measure-requested",
      text: "The board asks the court for a supervision order.",
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().answer).toEqual({
      answeredOn: today,
      outcome: "measure-requested",
      text: "The board asks the court for a supervision order.",
    });
    expect(
      (
        await worker.post(`/api/v1/board-requests/${made.id}/answer`, {
          answeredOn: today,
          outcome: "declined",
          text: "Again.",
        })
      ).statusCode,
    ).toBe(409);
    expect((await centreWorkOf(caseId)).boardRequests).toHaveLength(1);
  });
});
