import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reports, settings } from "../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { assessment, createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

let t: TestApp;
let intake: TestSession;
let police: TestSession;
let shelter: TestSession;
let zwolle: TestSession;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_FORM_MAX_PER_HOUR: "100" });
  intake = await t.login("intake");
  police = await t.login("police");
  shelter = await t.login("shelter");
  zwolle = await t.login("lt.zwolle");
});
afterAll(() => t.close());

const policeReport = {
  municipalityCode: "GM0193",
  incidentNumber: "PL0600-2026-4711",
  restrainingOrderAdvice: "advised",
  persons: [
    { key: "p1", firstName: "Lotte", lastName: "Bakker", birthDate: "1991-05-05", role: "victim" },
    {
      key: "p2",
      firstName: "Kevin",
      lastName: "Bakker",
      birthDate: "1989-01-01",
      role: "alleged-perpetrator",
    },
    { key: "p3", firstName: "Sem", lastName: "Bakker", role: "child-witness", minor: "yes" },
  ],
  relations: [{ from: "p1", to: "p2", type: "partner" }],
  violenceTypes: ["partner-violence"],
  narrative: "Called out at night: a fight at home, the child was present.",
  acuteConcern: true,
};

describe("police reports", () => {
  it("lands in the centre's intake queue on channel police with the police's own fields", async () => {
    const submitted = await police.post("/api/v1/police/reports", policeReport);
    expect(submitted.statusCode).toBe(201);
    const { id, reference, status } = submitted.json();
    expect(status).toBe("awaiting-assessment");
    const queue = (await intake.get("/api/v1/reports?limit=200")).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(id);
    const detail = (await intake.get(`/api/v1/reports/${id}`)).json();
    expect(detail).toMatchObject({
      reference,
      kind: "report",
      channel: "police",
      reporter: { category: "police", organisation: expect.stringMatching(/.+/) },
      police: { incidentNumber: "PL0600-2026-4711", restrainingOrderAdvice: "advised" },
      acuteConcern: true,
    });
    expect(detail.persons.find((p: { key: string }) => p.key === "p3").minor).toBe("yes");

    // The police sees back only what it sent: reference, date, status. Never the report itself.
    const own = (await police.get("/api/v1/police/reports")).json();
    expect(own.items[0]).toEqual({
      id,
      reference,
      receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      status: "awaiting-assessment",
      incidentNumber: "PL0600-2026-4711",
    });
    expect((await police.get(`/api/v1/reports/${id}`)).statusCode).toBe(404);
    // A report of another channel is not among the police's own.
    const other = await createReportAs(intake, sampleReport());
    const ownAfter = (await police.get("/api/v1/police/reports")).json();
    expect(ownAfter.items.map((r: { id: string }) => r.id)).not.toContain(other.id);
  });

  it("refuses the shelter (403) and lists every invalid field of a police report at once, storing nothing", async () => {
    expect((await shelter.post("/api/v1/police/reports", policeReport)).statusCode).toBe(403);
    const before = (await police.get("/api/v1/police/reports")).json().items.length;
    const bad = await police.post("/api/v1/police/reports", {
      ...policeReport,
      incidentNumber: "PL\u0000'; drop",
      persons: [
        { key: "p1", role: "victim" },
        { key: "p1", role: "victim" },
      ],
      narrative: "",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["incidentNumber", "narrative", "persons.1.key", "relations.0.to"]);
    const unknownAdvice = await police.post("/api/v1/police/reports", {
      ...policeReport,
      restrainingOrderAdvice: "maybe",
    });
    expect(unknownAdvice.json().errors.map((e: { path: string }) => e.path)).toEqual([
      "restrainingOrderAdvice",
    ]);
    expect((await police.get("/api/v1/police/reports")).json().items.length).toBe(before);
  });
});

describe("hostile input", () => {
  it("answers 400 for a NUL character in text and stores nothing", async () => {
    const before = (await intake.get("/api/v1/reports?limit=200")).json().items.length;
    const response = await intake.post("/api/v1/reports", sampleReport({ narrative: "a\u0000b" }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(["narrative"]);
    expect((await intake.get("/api/v1/reports?limit=200")).json().items.length).toBe(before);
  });
});

describe("the anonymous reporter", () => {
  it("stores no name or contact even if sent, through the API", async () => {
    const created = await createReportAs(
      intake,
      sampleReport({
        reporter: {
          category: "anonymous",
          name: "Piet Jansen",
          contact: "06-12345678",
          organisation: "Buurt",
        },
      }),
    );
    const [row] = await t.database.db.select().from(reports).where(eq(reports.id, created.id));
    expect(row).toMatchObject({ reporterName: null, reporterContact: null, reporterOrganisation: null });
    const detail = (await intake.get(`/api/v1/reports/${created.id}`)).json();
    expect(detail.reporter).toEqual({ category: "anonymous" });
  });

  it("stores no name or contact even if sent, through the public form", async () => {
    const {
      channel: _c,
      receivedAt: _r,
      ...body
    } = sampleReport({
      reporter: { category: "anonymous", name: "Piet Jansen", contact: "piet@example.org" },
    });
    const sent = await t.app.inject({ method: "POST", url: "/api/v1/public/reports", payload: body });
    expect(sent.statusCode).toBe(201);
    const [row] = await t.database.db
      .select()
      .from(reports)
      .where(eq(reports.reference, sent.json().reference));
    expect(row).toMatchObject({ reporterName: null, reporterContact: null, channel: "web" });
  });
});

describe("deadlines", () => {
  it("gives an advice request no deadline by default and a report its five working days when it becomes one", async () => {
    const advice = await createReportAs(
      intake,
      sampleReport({ kind: "advice", receivedAt: "2026-04-24T09:15:00+02:00" }),
    );
    expect(advice.deadlines).toEqual({ safetyAssessment: null, triage: null });
    const queue = (await intake.get("/api/v1/reports?limit=200")).json();
    expect(queue.items.find((r: { id: string }) => r.id === advice.id)).toMatchObject({
      dueOn: null,
      overdue: false,
    });
    await intake.post(`/api/v1/reports/${advice.id}/kind`, { kind: "report", reason: "Names the family." });
    const detail = (await intake.get(`/api/v1/reports/${advice.id}`)).json();
    expect(detail.deadlines).toEqual({ safetyAssessment: "2026-05-04", triage: "2026-05-04" });
  });

  it("gives advice requests deadlines when the setting is on", async () => {
    await t.database.db
      .update(settings)
      .set({ value: { enabled: true } })
      .where(eq(settings.key, "advice-deadlines"));
    try {
      const advice = await createReportAs(
        intake,
        sampleReport({ kind: "advice", receivedAt: "2026-04-24T09:15:00+02:00" }),
      );
      expect(advice.deadlines).toEqual({ safetyAssessment: "2026-05-04", triage: "2026-05-04" });
    } finally {
      await t.database.db
        .update(settings)
        .set({ value: { enabled: false } })
        .where(eq(settings.key, "advice-deadlines"));
    }
  });

  it("keeps lateness visible after the step is done, in working days, on the report and in the queue", async () => {
    // Received Monday 2 March 2026, due Monday 9 March; assessed and triaged today, long after.
    const late = await createReportAs(
      intake,
      sampleReport({ receivedAt: "2026-03-02T09:00:00+01:00", municipalityCode: "GM0148" }),
    );
    expect(late.deadlines.safetyAssessment).toBe("2026-03-09");
    await intake.post(`/api/v1/reports/${late.id}/safety-assessment`, assessment);
    const detail = (await intake.get(`/api/v1/reports/${late.id}`)).json();
    expect(detail.lateness.safetyAssessment).toMatchObject({ dueOn: "2026-03-09" });
    expect(detail.lateness.safetyAssessment.workingDaysLate).toBeGreaterThan(100);
    expect(detail.lateness.triage).toBeUndefined();
    const queue = (await intake.get("/api/v1/reports?municipalityCode=GM0148&limit=200")).json();
    const item = queue.items.find((r: { id: string }) => r.id === late.id);
    expect(item.lateness.safetyAssessment.workingDaysLate).toBe(
      detail.lateness.safetyAssessment.workingDaysLate,
    );
    // A step done in time is not late.
    const onTime = await createReportAs(intake, sampleReport({ receivedAt: new Date().toISOString() }));
    await intake.post(`/api/v1/reports/${onTime.id}/safety-assessment`, assessment);
    expect((await intake.get(`/api/v1/reports/${onTime.id}`)).json().lateness).toEqual({});
  });
});

describe("national categories and every child", () => {
  it("takes the national sectors, the non-professional relationship and the further violence groups", async () => {
    const professional = await createReportAs(
      intake,
      sampleReport({
        reporter: { category: "professional", sector: "compulsory-education-officer", name: "R. de Wit" },
        violenceTypes: ["violence-unknown", "other-problems"],
      }),
    );
    const detail = (await intake.get(`/api/v1/reports/${professional.id}`)).json();
    expect(detail.reporter.sector).toBe("compulsory-education-officer");
    expect(detail.violenceTypes).toEqual(["violence-unknown", "other-problems"]);
    const neighbour = await createReportAs(
      intake,
      sampleReport({ reporter: { category: "resident", relationship: "neighbour" } }),
    );
    expect((await intake.get(`/api/v1/reports/${neighbour.id}`)).json().reporter.relationship).toBe(
      "neighbour",
    );
    const types = (await intake.get("/api/v1/violence-types")).json();
    expect(types.map((v: { group: string }) => v.group)).toEqual(
      expect.arrayContaining(["other-problems", "no-domestic-violence", "unknown"]),
    );
    const refused = await intake.post(
      "/api/v1/reports",
      sampleReport({
        reporter: { category: "professional", sector: "mental-health-care", relationship: "family" },
      }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(["reporter.relationship"]);
  });

  it("does not classify a report nobody can be looked up for, and keeps the class as it stood at the assessment", async () => {
    const vague = await createReportAs(
      intake,
      sampleReport({ persons: [{ key: "a", firstName: "Mo", role: "victim" }], relations: [] }),
    );
    expect(vague.earlierInvolvement).toBe("not-classified");
    await intake.post(`/api/v1/reports/${vague.id}/safety-assessment`, assessment);
    const detail = (await intake.get(`/api/v1/reports/${vague.id}`)).json();
    expect(detail.assessment.earlierInvolvement).toBe("not-classified");
  });

  it("tells a re-report on several known persons from one on one", async () => {
    const household = sampleReport({
      municipalityCode: "GM0160",
      persons: [
        { key: "p1", firstName: "Hanna", lastName: "Wolters", birthDate: "1977-04-04", role: "victim" },
        {
          key: "p2",
          firstName: "Gert",
          lastName: "Wolters",
          birthDate: "1975-05-05",
          role: "alleged-perpetrator",
        },
      ],
      relations: [],
    });
    const first = await createReportAs(intake, household);
    await intake.post(`/api/v1/reports/${first.id}/safety-assessment`, assessment);
    await intake.post(`/api/v1/reports/${first.id}/triage`, {
      route: "close-with-advice",
      rationale: "Advice given.",
    });
    const again = await createReportAs(intake, household);
    const firstIds = (await intake.get(`/api/v1/reports/${first.id}`))
      .json()
      .persons.map((p: { personId: string }) => p.personId);
    for (const m of again.matches.filter((x) => firstIds.includes(x.personId))) {
      await intake.post(`/api/v1/reports/${again.id}/matches/${m.id}/confirm`);
    }
    const detail = (await intake.get(`/api/v1/reports/${again.id}`)).json();
    expect(detail.earlierInvolvement).toBe("re-report");
    expect(detail.earlierInvolvementDetail).toBe("several-persons-known");
  });

  it("records whether a person is a minor; a birth date decides over what was stated", async () => {
    const created = await createReportAs(
      intake,
      sampleReport({
        persons: [
          { key: "a", firstName: "Kim", role: "child-witness", minor: "yes" },
          { key: "b", firstName: "Jip", role: "other" },
          { key: "c", firstName: "Roos", birthDate: "1960-01-01", role: "victim", minor: "yes" },
        ],
        relations: [],
      }),
    );
    const persons = (await intake.get(`/api/v1/reports/${created.id}`)).json().persons;
    expect(persons.map((p: { key: string; minor: string }) => [p.key, p.minor])).toEqual([
      ["a", "yes"],
      ["b", "unknown"],
      ["c", "no"],
    ]);
    const bad = await intake.post(
      "/api/v1/reports",
      sampleReport({ persons: [{ key: "a", role: "victim", minor: "maybe" as "yes" }], relations: [] }),
    );
    expect(bad.statusCode).toBe(400);
  });
});

describe("a new report pre-filled with a case's household", () => {
  it("answers the household's persons to the intake worker of an involved centre, audited", async () => {
    const report = await createReportAs(intake, sampleReport({ municipalityCode: "GM0177" }));
    const { caseId } = await handOver(intake, report.id, zwolle.organisationId);
    const prefill = await intake.get(`/api/v1/cases/${caseId}/report-prefill`);
    expect(prefill.statusCode).toBe(200);
    expect(prefill.json()).toMatchObject({ caseId, municipalityCode: "GM0177" });
    expect(
      prefill
        .json()
        .persons.map((p: { firstName: string; role: string }) => [p.firstName, p.role])
        .sort(),
    ).toEqual([
      ["Fatima", "victim"],
      ["Johan", "alleged-perpetrator"],
      ["Noor", "child-witness"],
    ]);
    // A case worker may read the case but does not record reports (403).
    expect((await zwolle.get(`/api/v1/cases/${caseId}/report-prefill`)).statusCode).toBe(403);
    expect((await intake.get(`/api/v1/cases/${caseId.toUpperCase()}/report-prefill`)).statusCode).not.toBe(
      500,
    );
  });
});
