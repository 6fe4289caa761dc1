import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, persons, reports } from "../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { assessment, createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

let t: TestApp;
let intake: TestSession;
let zwolle: TestSession;
let deventer: TestSession;
let policy: TestSession;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_FORM_MAX_PER_HOUR: "3" });
  intake = await t.login("intake");
  zwolle = await t.login("lt.zwolle");
  deventer = await t.login("lt.deventer");
  policy = await t.login("policy.zwolle");
});
afterAll(() => t.close());

const errorPaths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();

async function latestAudit(action: string, subjectId: string) {
  const [entry] = await t.database.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.action, action), eq(auditEntries.subjectId, subjectId)))
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  return entry;
}

describe("POST /reports", () => {
  it("records the household and answers deadlines in working days, skipping King's Day", async () => {
    const created = await createReportAs(intake, sampleReport());
    expect(created.reference).toMatch(/^VT-2026-\d+$/);
    expect(created.status).toBe("awaiting-assessment");
    // Friday 24 April 2026; Monday 27 April is King's Day: five working days end on Monday 4 May.
    expect(created.deadlines).toEqual({ safetyAssessment: "2026-05-04", triage: "2026-05-04" });
    const audit = await latestAudit("report.create", created.id);
    expect(audit?.personIds).toHaveLength(3);
    expect(audit?.ground).toBe("intake queue of the centre");
  });

  it("counts from the date of receipt in Europe/Amsterdam and skips Liberation Day", async () => {
    // 22:30 UTC on Monday 27 April is already Tuesday 28 April in Amsterdam; 5 May is a holiday.
    const created = await createReportAs(intake, sampleReport({ receivedAt: "2026-04-27T22:30:00Z" }));
    expect(created.deadlines.safetyAssessment).toBe("2026-05-06");
  });

  it("makes both deadlines due on the day of receipt for an acute concern", async () => {
    const created = await createReportAs(
      intake,
      sampleReport({ receivedAt: "2026-03-02T09:00:00+01:00", acuteConcern: true }),
    );
    expect(created.deadlines).toEqual({ safetyAssessment: "2026-03-02", triage: "2026-03-02" });
  });

  it("lists every invalid field at once: a BSN failing the eleven-test, too long text, unknown fields", async () => {
    const report = sampleReport();
    const body = {
      ...report,
      narrative: "x".repeat(20_001),
      persons: [{ ...report.persons[0], bsn: "123456789", shoeSize: 41 }, ...report.persons.slice(1)],
      reporter: { ...report.reporter, name: "n".repeat(201) },
      priority: "high",
    };
    const response = await intake.post("/api/v1/reports", body);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(errorPaths(response.json())).toEqual([
      "(body)",
      "narrative",
      "persons.0",
      "persons.0.bsn",
      "reporter.name",
    ]);
  });

  it("lists checks across fields together with the field checks", async () => {
    const report = sampleReport();
    const response = await intake.post("/api/v1/reports", {
      ...report,
      persons: [...report.persons, { ...report.persons[0], key: "p1", bsn: "123456789" }],
      relations: [{ from: "p1", to: "p9", type: "partner" }],
      reporter: { category: "resident", sector: "education" },
    });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toEqual([
      "persons.3.bsn",
      "persons.3.key",
      "relations.0.to",
      "reporter.sector",
    ]);
  });

  it("rejects an unknown municipality and violence types together", async () => {
    const response = await intake.post("/api/v1/reports", {
      ...sampleReport(),
      violenceTypes: ["partner-violence", "no-such-type"],
      municipalityCode: "GM9999",
    });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toEqual(["municipalityCode", "violenceTypes.1"]);
  });

  it("answers 400, not 500, for a receipt date before the holiday calendar starts", async () => {
    const response = await intake.post(
      "/api/v1/reports",
      sampleReport({ receivedAt: "2010-03-01T09:00:00Z" }),
    );
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toEqual(["receivedAt"]);
  });

  it("refuses a report received in the future and stores nothing", async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(reports);
    const response = await intake.post(
      "/api/v1/reports",
      sampleReport({ receivedAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(response.statusCode).toBe(400);
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(reports);
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});

describe("matching: known elsewhere?", () => {
  it("offers the mother reported before under a misspelled name, with reasons and her case", async () => {
    const first = await createReportAs(intake, sampleReport({ municipalityCode: "GM0166" }));
    const { caseId } = await handOver(intake, first.id, zwolle.organisationId);
    const firstDetail = (await intake.get(`/api/v1/reports/${first.id}`)).json();
    const motherId = firstDetail.persons.find((p: { key: string }) => p.key === "p1").personId;

    const second = await createReportAs(
      intake,
      sampleReport({
        municipalityCode: "GM0166",
        persons: [
          { key: "m", firstName: "Fatma", lastName: "el-Amrani", birthDate: "1988-03-14", role: "victim" },
        ],
        relations: [],
      }),
    );
    // Earlier tests reported the same mother too; the one of this household must be among them.
    const best = second.matches.find((m) => m.personKey === "m" && m.personId === motherId);
    expect(best?.reasons).toEqual(expect.arrayContaining(["name", "birthDate"]));
    expect(best?.status).toBe("proposed");
    expect(second.earlierInvolvement).toBe("first");
    const detail = (await intake.get(`/api/v1/reports/${second.id}`)).json();
    const offered = detail.matches.find((m: { id: string }) => m.id === best?.id);
    expect(offered.caseId).toBe(caseId);

    const confirmed = await intake.post(`/api/v1/reports/${second.id}/matches/${best?.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    // Her case is open: this report arrives during involvement.
    expect(confirmed.json()).toEqual({ status: "confirmed", earlierInvolvement: "during-involvement" });
    expect(offered.candidate).toEqual({
      firstName: "Fatima",
      lastName: "El Amrani",
      birthDate: "1988-03-14",
    });
    const after = (await intake.get(`/api/v1/reports/${second.id}`)).json();
    expect(after.earlierInvolvement).toBe("during-involvement");
    // The report still shows her as reported, now linked to the known person.
    const reported = after.persons.find((p: { key: string }) => p.key === "m");
    expect(reported).toMatchObject({ firstName: "Fatma", lastName: "el-Amrani", personId: motherId });
    expect(after.earlierInvolvementDetail).toBe("after-safety-assessment");
    expect(await latestAudit("report.match-confirm", second.id)).toBeDefined();

    // A verdict is final: the confirmed record has been merged into the known person.
    const again = await intake.post(`/api/v1/reports/${second.id}/matches/${best?.id}/dismiss`);
    expect(again.statusCode).toBe(409);

    // One known person per reported person: a second confirmation for her is refused.
    const otherCandidate = second.matches.find((m) => m.id !== best?.id && m.personKey === "m");
    expect(otherCandidate).toBeDefined();
    const second409 = await intake.post(`/api/v1/reports/${second.id}/matches/${otherCandidate?.id}/confirm`);
    expect(second409.statusCode).toBe(409);

    // The same mother from earlier tests of this file is offered too: not her, here.
    const other = second.matches.find((m) => m.id !== best?.id && m.status === "proposed");
    expect(other).toBeDefined();
    const dismissed = await intake.post(`/api/v1/reports/${second.id}/matches/${other?.id}/dismiss`);
    expect(dismissed.json()).toEqual({ status: "dismissed", earlierInvolvement: "during-involvement" });
  });

  it("does not offer a different person with only a similar name", async () => {
    const created = await createReportAs(
      intake,
      sampleReport({
        persons: [
          { key: "x", firstName: "Fatima", lastName: "El Amrani", birthDate: "1961-07-02", role: "other" },
        ],
        relations: [],
      }),
    );
    expect(created.matches.filter((m) => m.personKey === "x")).toEqual([]);
  });

  it("confirms a BSN match at once and classifies the report", async () => {
    const bsn = "111222333";
    const withBsn = (key: string) =>
      sampleReport({
        persons: [{ key, firstName: "Anna", lastName: "Smit", birthDate: "1990-01-01", bsn, role: "victim" }],
        relations: [],
      });
    await createReportAs(intake, withBsn("a"));
    const again = await createReportAs(intake, withBsn("b"));
    const bsnMatch = again.matches.find((m) => m.reasons.includes("bsn"));
    expect(bsnMatch?.status).toBe("confirmed");
    // The earlier report is still waiting for its assessment.
    expect(again.earlierInvolvement).toBe("during-involvement");
  });

  it("finds a person again by address when the name is written differently", async () => {
    const address = { postcode: "8011 AB", houseNumber: "12-A" };
    await createReportAs(
      intake,
      sampleReport({
        persons: [{ key: "a", firstName: "Kees", lastName: "Veen", role: "victim", address }],
        relations: [],
      }),
    );
    const again = await createReportAs(
      intake,
      sampleReport({
        persons: [
          {
            key: "b",
            firstName: "Cees",
            lastName: "van Veen",
            role: "victim",
            address: { postcode: "8011ab", houseNumber: "12 a" },
          },
        ],
        relations: [],
      }),
    );
    expect(again.matches.some((m) => m.reasons.includes("address"))).toBe(true);
  });
});

describe("safety assessment and triage", () => {
  it("answers 409 for a triage before the assessment, and 400 for a handover without a target", async () => {
    const created = await createReportAs(intake, sampleReport());
    const early = await intake.post(`/api/v1/reports/${created.id}/triage`, {
      route: "investigation",
      rationale: "Unclear facts.",
      keepReason: "insufficient-information",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/safety assessment/);

    expect(
      (await intake.post(`/api/v1/reports/${created.id}/safety-assessment`, assessment)).statusCode,
    ).toBe(200);
    const noTarget = await intake.post(`/api/v1/reports/${created.id}/triage`, {
      route: "handover",
      rationale: "Local help.",
    });
    expect(noTarget.statusCode).toBe(400);
    expect(errorPaths(noTarget.json())).toEqual(["toOrganisationId"]);
    // Nothing was decided: the report still awaits its triage.
    expect((await intake.get(`/api/v1/reports/${created.id}`)).json().status).toBe("awaiting-triage");
  });

  it("scores the checklist as an aid; the professional may raise the level, never lower it", async () => {
    const created = await createReportAs(intake, sampleReport());
    const yes = [
      "separation",
      "threats-to-kill",
      "strangulation",
      "weapons",
      "increasing-frequency",
      "increasing-severity",
      "stalking",
      "controlling-behaviour",
      "fear",
      "earlier-police-callouts",
      "perpetrator-substance-misuse",
    ];
    const answers = Object.fromEntries(yes.map((id) => [id, "yes" as const]));
    const lowered = await intake.post(`/api/v1/reports/${created.id}/safety-assessment`, {
      ...assessment,
      checklist: { answers, professionalLevel: "standard" },
    });
    expect(lowered.statusCode).toBe(200);
    expect(lowered.json().checklistResult).toMatchObject({
      score: 11,
      computedLevel: "medium",
      level: "medium",
      raisedByProfessional: false,
      professionalLevelIgnored: true,
    });

    const raised = await intake.post(`/api/v1/reports/${created.id}/safety-assessment`, {
      ...assessment,
      checklist: { answers, professionalLevel: "high" },
    });
    expect(raised.json().checklistResult).toMatchObject({ level: "high", raisedByProfessional: true });
    const detail = (await intake.get(`/api/v1/reports/${created.id}`)).json();
    // The answers are kept for later forms (the MDA++ referral).
    expect(detail.assessment.checklist.answers).toEqual(answers);
    expect(detail.assessment.checklist.level).toBe("high");

    const unknown = await intake.post(`/api/v1/reports/${created.id}/safety-assessment`, {
      ...assessment,
      checklist: { answers: { "no-such-item": "yes" } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorPaths(unknown.json())).toEqual(["checklist.answers.no-such-item"]);
  });

  it("hands a case to the local team of Zwolle, who may read it; Deventer gets 404", async () => {
    const created = await createReportAs(intake, sampleReport());
    const { caseId, handoverId } = await handOver(intake, created.id, zwolle.organisationId);
    expect(caseId).toBeDefined();

    const pending = (await zwolle.get("/api/v1/handovers?status=pending")).json();
    const incoming = pending.items.find((h: { id: string }) => h.id === handoverId);
    expect(incoming).toMatchObject({ caseId, status: "pending", direction: "incoming", overdue: false });

    const list = (await zwolle.get("/api/v1/cases")).json();
    expect(list.items.find((c: { id: string }) => c.id === caseId)).toMatchObject({ pendingHandover: true });

    const asZwolle = await zwolle.get(`/api/v1/cases/${caseId}`);
    expect(asZwolle.statusCode).toBe(200);
    const theCase = asZwolle.json();
    expect(theCase.persons).toHaveLength(3);
    expect(theCase.phase).toBe("safety");
    expect(theCase.accessGround).toMatch(/^pending handover since/);
    expect(theCase.access).toEqual({ ground: "pending-handover", since: expect.any(String) });
    expect(theCase.involvedOrganisationIds).toEqual(
      expect.arrayContaining([intake.organisationId, zwolle.organisationId]),
    );
    const caseRead = await latestAudit("case.read", caseId);
    expect(caseRead?.organisationId).toBe(zwolle.organisationId);
    expect(caseRead?.ground).toMatch(/^pending handover since/);
    expect(caseRead?.personIds).toHaveLength(3);

    // The reporter's identity is for the centre only.
    const zwolleReport = (await zwolle.get(`/api/v1/reports/${created.id}`)).json();
    expect(zwolleReport.reporter).toEqual({ category: "professional", sector: "education" });
    const centreReport = (await intake.get(`/api/v1/reports/${created.id}`)).json();
    expect(centreReport.reporter.name).toBe("Marit Hoekstra");
    expect(centreReport.triage).toMatchObject({ route: "handover", toOrganisationId: zwolle.organisationId });

    // Zwolle's queue holds the reports of its cases, not every report of the region.
    const zwolleQueue = (await zwolle.get("/api/v1/reports?limit=100")).json();
    const zwolleIds = zwolleQueue.items.map((r: { id: string; caseId?: string }) => r.id);
    expect(zwolleIds).toContain(created.id);
    expect(zwolleQueue.items.every((r: { caseId?: string }) => r.caseId !== undefined)).toBe(true);
    const unrelated = await createReportAs(intake, sampleReport({ municipalityCode: "GM0160" }));
    const again = (await zwolle.get("/api/v1/reports?limit=100")).json();
    expect(again.items.map((r: { id: string }) => r.id)).not.toContain(unrelated.id);
    const zwolleCases = (await zwolle.get("/api/v1/cases?limit=100")).json();
    for (const c of zwolleCases.items) {
      expect((await zwolle.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    }

    expect((await deventer.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await deventer.get(`/api/v1/reports/${created.id}`)).statusCode).toBe(404);
    const deventerQueue = (await deventer.get("/api/v1/reports")).json();
    expect(deventerQueue.items.map((r: { id: string }) => r.id)).not.toContain(created.id);
    expect((await policy.get(`/api/v1/reports/${created.id}`)).statusCode).toBe(403);

    // A triaged report cannot be triaged again.
    const twice = await intake.post(`/api/v1/reports/${created.id}/triage`, {
      route: "investigation",
      rationale: "Again.",
      keepReason: "insufficient-information",
    });
    expect(twice.statusCode).toBe(409);
  });

  it("closes an advice request with advice without opening a case", async () => {
    const created = await createReportAs(intake, sampleReport({ kind: "advice" }));
    await intake.post(`/api/v1/reports/${created.id}/safety-assessment`, assessment);
    const handover = await intake.post(`/api/v1/reports/${created.id}/triage`, {
      route: "handover",
      toOrganisationId: zwolle.organisationId,
      rationale: "Local help.",
    });
    expect(handover.statusCode).toBe(409);
    expect(handover.json().type).toMatch(/\/advice-only-closes$/);
    const closed = await intake.post(`/api/v1/reports/${created.id}/triage`, {
      route: "close-with-advice",
      rationale: "The teacher knows what to do next.",
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toEqual({});
  });

  it("adds a new report of the same household to its open case", async () => {
    const first = await createReportAs(intake, sampleReport({ municipalityCode: "GM0177" }));
    const { caseId } = await handOver(intake, first.id, zwolle.organisationId);
    const second = await createReportAs(intake, sampleReport({ municipalityCode: "GM0177" }));
    for (const match of second.matches.filter((m) => m.status === "proposed")) {
      await intake.post(`/api/v1/reports/${second.id}/matches/${match.id}/confirm`);
    }
    const linked = await intake.post(`/api/v1/reports/${second.id}/link`, { caseId });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toEqual({ caseId, recurrence: false, caseStatus: "open" });
    expect((await zwolle.get(`/api/v1/reports/${second.id}`)).statusCode).toBe(200);
  });
});

describe("kind and queue", () => {
  it("turns a report into an advice request and back, with the reason kept", async () => {
    const created = await createReportAs(intake, sampleReport());
    const toAdvice = await intake.post(`/api/v1/reports/${created.id}/kind`, {
      kind: "advice",
      reason: "The caller only wanted advice.",
    });
    expect(toAdvice.json()).toEqual({ kind: "advice" });
    expect(
      (await intake.post(`/api/v1/reports/${created.id}/kind`, { kind: "advice", reason: "x" })).statusCode,
    ).toBe(409);
    expect((await intake.post(`/api/v1/reports/${created.id}/kind`, { kind: "report" })).statusCode).toBe(
      400,
    );
    await intake.post(`/api/v1/reports/${created.id}/kind`, { kind: "report", reason: "New facts." });
    const detail = (await intake.get(`/api/v1/reports/${created.id}`)).json();
    expect(detail.kind).toBe("report");
    expect(detail.kindChanges.map((c: { reason: string }) => c.reason)).toEqual([
      "The caller only wanted advice.",
      "New facts.",
    ]);
  });

  it("lists the queue overdue first and filters by municipality and status", async () => {
    const fresh = await createReportAs(
      intake,
      sampleReport({ municipalityCode: "GM0150", receivedAt: new Date().toISOString() }),
    );
    const old = await createReportAs(
      intake,
      sampleReport({ municipalityCode: "GM0150", receivedAt: "2026-01-05T10:00:00+01:00" }),
    );
    const queue = (
      await intake.get("/api/v1/reports?municipalityCode=GM0150&status=awaiting-assessment")
    ).json();
    const ids = queue.items.map((r: { id: string }) => r.id);
    expect(ids).toEqual([old.id, fresh.id]);
    expect(queue.items[0]).toMatchObject({ overdue: true, dueOn: "2026-01-12", personCount: 3 });
    expect(queue.items[1].overdue).toBe(false);
    const overdue = (await intake.get("/api/v1/reports?municipalityCode=GM0150&overdue=true")).json();
    expect(overdue.items.map((r: { id: string }) => r.id)).toEqual([old.id]);
    expect((await intake.get("/api/v1/reports?status=lost")).statusCode).toBe(400);
  });
});

describe("POST /public/reports", () => {
  const {
    channel: _c,
    receivedAt: _r,
    ...publicBody
  } = sampleReport({
    reporter: { category: "resident", name: "A neighbour", contact: "06-12345678" },
  });

  it("stores the report in the intake queue on channel web and answers only the reference", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/reports",
      payload: publicBody,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(Object.keys(body)).toEqual(["reference"]);
    const [stored] = await t.database.db.select().from(reports).where(eq(reports.reference, body.reference));
    expect(stored).toMatchObject({ channel: "web", createdBy: null, status: "awaiting-assessment" });
    const queue = (await intake.get("/api/v1/reports?limit=100")).json();
    expect(queue.items.some((r: { reference: string }) => r.reference === body.reference)).toBe(true);
  });

  it("validates like the internal form and refuses internal fields", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/reports",
      payload: { ...publicBody, channel: "phone", reporter: { category: "police" } },
    });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toEqual(["(body)", "reporter.category"]);
  });

  it("refuses bodies over its size limit with 413", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/reports",
      payload: { ...publicBody, narrative: "x".repeat(70_000) },
    });
    expect(response.statusCode).toBe(413);
  });

  it("limits the reports one address may send", async () => {
    const send = () =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/public/reports",
        payload: publicBody,
        remoteAddress: "192.0.2.7",
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await send()).statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});

describe("persons as stored", () => {
  it("keeps normalised keys for matching beside what was typed", async () => {
    const created = await createReportAs(
      intake,
      sampleReport({
        persons: [{ key: "z", firstName: "Zoë", lastName: "van der Berg-Öztürk", role: "victim" }],
        relations: [],
      }),
    );
    const detail = (await intake.get(`/api/v1/reports/${created.id}`)).json();
    const personId = detail.persons[0].personId;
    const [stored] = await t.database.db.select().from(persons).where(eq(persons.id, personId));
    expect(stored?.lastName).toBe("van der Berg-Öztürk");
    // Prefixes and diacritics go; the two parts of a double surname stay as words.
    expect(stored?.surnameKey).toBe("berg ozturk");
  });
});
