import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateReport } from "../../../shared/intake.ts";
import { auditEntries, cases, reports } from "../../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../../test-support/app.ts";
import { assessment, createReportAs, handOver, sampleReport } from "../../test-support/reports.ts";

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

type Person = CreateReport["persons"][number];

/** A report on exactly these persons (no relations), in Kampen so other tests' households stay apart. */
const reportOn = (persons: Person[], overrides: Partial<CreateReport> = {}) =>
  sampleReport({ municipalityCode: "GM0166", persons, relations: [], ...overrides });

async function assess(reportId: string) {
  const response = await intake.post(`/api/v1/reports/${reportId}/safety-assessment`, assessment);
  expect(response.statusCode).toBe(200);
}

const triage = (reportId: string, extra: Record<string, unknown> = {}) =>
  intake.post(`/api/v1/reports/${reportId}/triage`, {
    route: "conditions-and-follow-up",
    rationale: "The centre sets safety conditions.",
    keepReason: "direct-intervention",
    ...extra,
  });

async function openCasesWith(personId: string): Promise<string[]> {
  const rows = await t.database.db.execute(
    sql`SELECT c.id FROM cases c JOIN case_persons cp ON cp.case_id = c.id WHERE cp.person_id = ${personId} AND c.status = 'open'`,
  );
  return (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

async function personIdOf(reportId: string, key: string): Promise<string> {
  const detail = (await intake.get(`/api/v1/reports/${reportId}`)).json();
  return detail.persons.find((p: { key: string }) => p.key === key).personId;
}

describe("one household, one case", () => {
  it("puts a second report with the mother's BSN only and a misspelled name on the open case, after the intake worker's confirmation", async () => {
    const mother: Person = {
      key: "m",
      firstName: "Samira",
      lastName: "Bouzid",
      birthDate: "1990-02-11",
      bsn: "628194821",
      role: "victim",
    };
    const child: Person = {
      key: "c",
      firstName: "Yara",
      lastName: "Bouzid",
      birthDate: "2019-08-01",
      role: "child-witness",
    };
    const first = await createReportAs(intake, reportOn([mother, child]));
    const { caseId } = await handOver(intake, first.id, zwolle.organisationId);

    const second = await createReportAs(
      intake,
      reportOn([
        { key: "m2", firstName: "Sameera", lastName: "Bouzidi", bsn: "628194821", role: "victim" },
        { key: "c2", firstName: "Yara", lastName: "Bouzid", birthDate: "2019-08-01", role: "child-witness" },
      ]),
    );
    // The BSN makes her the known person at once, exactly as a confirmed name match would.
    const bsnMatch = second.matches.find((m) => m.personKey === "m2" && m.reasons.includes("bsn"));
    expect(bsnMatch?.status).toBe("confirmed");
    const motherId = await personIdOf(first.id, "m");
    expect(await personIdOf(second.id, "m2")).toBe(motherId);
    expect(second.earlierInvolvement).toBe("during-involvement");
    const childMatch = second.matches.find((m) => m.personKey === "c2" && m.status === "proposed");
    expect(childMatch).toBeDefined();
    expect(
      (await intake.post(`/api/v1/reports/${second.id}/matches/${childMatch?.id}/confirm`)).statusCode,
    ).toBe(200);

    // The report page shows the household's case for the choice, with what is known in it.
    const household = (await intake.get(`/api/v1/reports/${second.id}/household`)).json();
    expect(household.decisionRequired).toBe(true);
    expect(household.cases).toEqual([
      expect.objectContaining({
        caseId,
        status: "open",
        sameHousehold: true,
        suggestedDecision: "join",
        visible: true,
        personKeys: expect.arrayContaining(["m2", "c2"]),
        known: expect.objectContaining({
          children: [expect.objectContaining({ firstName: "Yara", minor: "yes" })],
        }),
      }),
    ]);

    await assess(second.id);
    // The server refuses a case without the choice, naming the case to decide on.
    const refused = await triage(second.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(refused.json().type).toMatch(/household-decision-required$/);
    expect(refused.json().cases).toEqual([
      expect.objectContaining({ caseId, status: "open", suggestedDecision: "join" }),
    ]);
    // Refused, nothing changed.
    const [unchanged] = await t.database.db.select().from(reports).where(eq(reports.id, second.id));
    expect(unchanged?.status).toBe("awaiting-triage");

    const joined = await triage(second.id, { household: { decision: "join", caseId } });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().caseId).toBe(caseId);
    const theCase = (await intake.get(`/api/v1/cases/${caseId}`)).json();
    expect(theCase.reportIds.sort()).toEqual([first.id, second.id].sort());
    expect(await openCasesWith(motherId)).toEqual([caseId]);
    const detail = (await intake.get(`/api/v1/reports/${second.id}`)).json();
    expect(detail.triage.household).toEqual({ decision: "join", caseId });
  });

  it("resolves a person confirmed on an earlier report: a third report with only the BSN reported the second time finds the case", async () => {
    const first = await createReportAs(
      intake,
      reportOn([
        { key: "a", firstName: "Ilse", lastName: "Dijkstra", birthDate: "1985-06-06", role: "victim" },
      ]),
    );
    await assess(first.id);
    const opened = await triage(first.id);
    const caseId = opened.json().caseId as string;
    // The second report gives her BSN; she is confirmed by name and birth date.
    const second = await createReportAs(
      intake,
      reportOn([
        {
          key: "b",
          firstName: "Ilse",
          lastName: "Dijkstra",
          birthDate: "1985-06-06",
          bsn: "252760189",
          role: "victim",
        },
      ]),
    );
    const proposed = second.matches.find((m) => m.personKey === "b" && m.status === "proposed");
    await intake.post(`/api/v1/reports/${second.id}/matches/${proposed?.id}/confirm`);
    await assess(second.id);
    expect((await triage(second.id, { household: { decision: "join", caseId } })).statusCode).toBe(200);

    // The third knows only the BSN, which is on the record merged into the known person.
    const third = await createReportAs(
      intake,
      reportOn([{ key: "x", lastName: "D.", bsn: "252760189", role: "victim" }]),
    );
    const match = third.matches.find((m) => m.personKey === "x");
    expect(match).toMatchObject({ status: "confirmed", personId: await personIdOf(first.id, "a") });
    await assess(third.id);
    const refused = await triage(third.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().cases.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
  });

  it("opens a new case linked to the father's case for his new partner and children; both cases show the link", async () => {
    const father: Person = {
      key: "f",
      firstName: "Ruud",
      lastName: "Vos",
      birthDate: "1980-01-20",
      bsn: "507529170",
      role: "alleged-perpetrator",
    };
    const first = await createReportAs(
      intake,
      reportOn([
        father,
        { key: "m", firstName: "Anke", lastName: "Vos", birthDate: "1982-03-03", role: "victim" },
      ]),
    );
    await assess(first.id);
    const oldCaseId = (await triage(first.id)).json().caseId as string;

    const second = await createReportAs(
      intake,
      reportOn([
        { ...father, key: "f2" },
        { key: "n", firstName: "Priya", lastName: "Sharma", birthDate: "1993-09-09", role: "victim" },
        { key: "k", firstName: "Mila", lastName: "Vos", birthDate: "2022-04-04", role: "child-witness" },
      ]),
    );
    const household = (await intake.get(`/api/v1/reports/${second.id}/household`)).json();
    expect(household.cases).toEqual([
      expect.objectContaining({
        caseId: oldCaseId,
        sameHousehold: false,
        suggestedDecision: "linked-case",
        personKeys: ["f2"],
      }),
    ]);
    await assess(second.id);
    const noReason = await triage(second.id, { household: { decision: "linked-case", caseId: oldCaseId } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { path: string }) => e.path)).toEqual(["household.reason"]);
    const wrongCase = await triage(second.id, {
      household: { decision: "join", caseId: "7f0c1b8e-1d1e-4d2b-9c3a-0a0b0c0d0e0f" },
    });
    expect(wrongCase.statusCode).toBe(400);

    const linked = await triage(second.id, {
      household: {
        decision: "linked-case",
        caseId: oldCaseId.toUpperCase(),
        reason: "The father with a new partner and child.",
      },
    });
    expect(linked.statusCode).toBe(200);
    const newCaseId = linked.json().caseId as string;
    expect(newCaseId).not.toBe(oldCaseId);

    const fromNew = (await intake.get(`/api/v1/cases/${newCaseId}/links`)).json();
    expect(fromNew.items).toEqual([
      expect.objectContaining({
        otherCaseId: oldCaseId,
        direction: "to",
        reason: "The father with a new partner and child.",
        reportId: second.id,
        createdBy: intake.userId,
        createdByOrganisationId: intake.organisationId,
      }),
    ]);
    const fromOld = (await intake.get(`/api/v1/cases/${oldCaseId}/links`)).json();
    expect(fromOld.items).toEqual([expect.objectContaining({ otherCaseId: newCaseId, direction: "from" })]);
    // Zwolle is involved in neither: it cannot read the links (404), as for any case it may not see.
    expect((await zwolle.get(`/api/v1/cases/${oldCaseId}/links`)).statusCode).toBe(404);
  });

  it("reopens a household's case closed within 12 months on a new report, on the centre's work list", async () => {
    const person: Person = {
      key: "a",
      firstName: "Tess",
      lastName: "Mulder",
      birthDate: "1995-12-12",
      bsn: "121547280",
      role: "victim",
    };
    const first = await createReportAs(intake, reportOn([person]));
    const { caseId } = await handOver(intake, first.id, deventer.organisationId);
    // Arrange a case closed two months ago (the closure itself is tested with the cases).
    const twoMonthsAgo = new Date(Date.now() - 60 * 24 * 3600_000);
    await t.database.db
      .update(cases)
      .set({ status: "closed", closedAt: twoMonthsAgo })
      .where(eq(cases.id, caseId));

    const again = await createReportAs(intake, reportOn([{ ...person, key: "b" }]));
    const household = (await intake.get(`/api/v1/reports/${again.id}/household`)).json();
    expect(household.cases).toEqual([
      expect.objectContaining({ caseId, status: "closed", recurrence: true }),
    ]);
    await assess(again.id);
    expect((await triage(again.id)).statusCode).toBe(409);
    const reopened = await triage(again.id, { household: { decision: "join", caseId } });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().caseId).toBe(caseId);
    const theCase = (await intake.get(`/api/v1/cases/${caseId}`)).json();
    expect(theCase.status).toBe("open");
    const openList = (await intake.get("/api/v1/cases?status=open&limit=200")).json();
    expect(openList.items.map((c: { id: string }) => c.id)).toContain(caseId);
  });

  it("keeps a report linked to a closed case (POST /link) on the case, reopened at triage", async () => {
    const person: Person = {
      key: "a",
      firstName: "Bram",
      lastName: "Smit",
      birthDate: "1970-07-07",
      bsn: "385280841",
      role: "victim",
    };
    const first = await createReportAs(intake, reportOn([person]));
    await assess(first.id);
    const caseId = (await triage(first.id)).json().caseId as string;
    await t.database.db
      .update(cases)
      .set({ status: "closed", closedAt: new Date(Date.now() - 24 * 3600_000) })
      .where(eq(cases.id, caseId));
    const again = await createReportAs(intake, reportOn([{ ...person, key: "b" }]));
    const linked = await intake.post(`/api/v1/reports/${again.id}/link`, { caseId });
    expect(linked.json()).toEqual({ caseId, recurrence: true, caseStatus: "closed" });
    expect((await intake.get(`/api/v1/reports/${again.id}/household`)).json().decisionRequired).toBe(false);
    await assess(again.id);
    const triaged = await triage(again.id);
    expect(triaged.json().caseId).toBe(caseId);
    expect((await intake.get(`/api/v1/cases/${caseId}`)).json().status).toBe("open");
  });

  it("opens one case when two reports on a new household are triaged at the same moment", async () => {
    const person: Person = {
      key: "a",
      firstName: "Noa",
      lastName: "Peters",
      birthDate: "1999-01-01",
      bsn: "353799075",
      role: "victim",
    };
    const one = await createReportAs(intake, reportOn([person]));
    const two = await createReportAs(intake, reportOn([{ ...person, key: "b" }]));
    await assess(one.id);
    await assess(two.id);
    const answers = await Promise.all([triage(one.id), triage(two.id)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await openCasesWith(await personIdOf(one.id, "a"))).toHaveLength(1);
  });

  it("answers the household only within need to know: Deventer, not involved, gets 404", async () => {
    const first = await createReportAs(
      intake,
      reportOn([{ key: "a", firstName: "Joep", lastName: "Kramer", role: "victim" }]),
    );
    expect((await deventer.get(`/api/v1/reports/${first.id}/household`)).statusCode).toBe(404);
    const [entry] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "report.household"), eq(auditEntries.userId, intake.userId)))
      .orderBy(desc(auditEntries.seq))
      .limit(1);
    expect(entry).toBeDefined();
  });
});
