import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays, dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import { followUps, persons } from "../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../test-support/app.ts";
import { createReportAs, handOver, sampleReport } from "../test-support/reports.ts";

let t: TestApp;
let intake: TestSession;
let zwolle: TestSession;
let deventer: TestSession;
let police: TestSession;
let mda: TestSession;
const today = dateInAmsterdam(new Date());

beforeAll(async () => {
  t = await createTestApp();
  intake = await t.login("intake");
  zwolle = await t.login("lt.zwolle");
  deventer = await t.login("lt.deventer");
  police = await t.login("police");
  mda = await t.login("mda");
});
afterAll(() => t.close());

/** A household handed by the centre to Zwolle, accepted; Zwolle's worker directs. */
async function zwolleCase(overrides: Parameters<typeof sampleReport>[0] = {}) {
  const report = await createReportAs(intake, sampleReport(overrides));
  const { caseId, handoverId } = await handOver(intake, report.id, zwolle.organisationId);
  expect((await zwolle.post(`/api/v1/handovers/${handoverId}/accept`)).statusCode).toBe(200);
  expect((await zwolle.post(`/api/v1/cases/${caseId}/director`, { userId: zwolle.userId })).statusCode).toBe(
    200,
  );
  const detail = (await zwolle.get(`/api/v1/cases/${caseId}`)).json();
  const byRole = (role: string) => detail.persons.find((p: { role: string }) => p.role === role);
  return {
    caseId,
    detail,
    child: byRole("child-witness"),
    father: byRole("alleged-perpetrator"),
    mother: byRole("victim"),
  };
}

describe("safe closure", () => {
  it("refuses a case with a running restraining order, a minor without help and an open shelter stay, listing all three; closes once they are dealt with", async () => {
    const { caseId, child, father, mother } = await zwolleCase();
    const order = await zwolle.post(`/api/v1/cases/${caseId}/restraining-orders`, {
      startsOn: today,
      personId: father.id,
    });
    expect(order.statusCode).toBe(201);
    const stay = await zwolle.post(`/api/v1/cases/${caseId}/shelter-stays`, {
      personIds: [mother.id, child.id],
      kind: "crisis",
      startsOn: today,
    });
    expect(stay.statusCode).toBe(201);

    const refused = await zwolle.post(`/api/v1/cases/${caseId}/close`, { reason: "Done." });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = refused.json();
    expect(problem.type).toMatch(/closure-blocked$/);
    expect(problem.reasons).toEqual([
      {
        code: "restraining-order-active",
        message: expect.any(String),
        itemId: order.json().id,
        overridable: false,
      },
      { code: "shelter-stay-open", message: expect.any(String), itemId: stay.json().id, overridable: false },
      { code: "minor-without-help", message: expect.any(String), itemId: child.id, overridable: true },
    ]);

    // The hard reasons cannot be overridden, not even by the director with a reason for all.
    const forced = await zwolle.post(`/api/v1/cases/${caseId}/close`, {
      reason: "Done.",
      overrides: [{ code: "minor-without-help", itemId: child.id, reason: "No help needed." }],
    });
    expect(forced.statusCode).toBe(409);
    expect(forced.json().reasons.map((r: { code: string }) => r.code)).toContain("restraining-order-active");

    expect(
      (
        await zwolle.post(`/api/v1/restraining-orders/${order.json().id}/lift`, {
          reason: "Lifted by the mayor.",
        })
      ).statusCode,
    ).toBe(200);
    expect((await zwolle.post(`/api/v1/shelter-stays/${stay.json().id}/end`, {})).statusCode).toBe(200);
    const help = await zwolle.post(`/api/v1/cases/${caseId}/persons/${child.id}/help`, {
      kind: "youth-care",
      description: "Trauma therapy",
      providerName: "Jeugdhulp Zwolle",
      offeredOn: today,
    });
    expect(help.statusCode).toBe(201);

    const closed = await zwolle.post(`/api/v1/cases/${caseId}/close`, { reason: "Safe now." });
    expect(closed.json().reasons).toBeUndefined();
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe("closed");
    expect((await zwolle.get(`/api/v1/cases/${caseId}`)).json().status).toBe("closed");
  });

  it("refuses while acute unsafety is open, whatever reasons are given", async () => {
    const { caseId } = await zwolleCase();
    await zwolle.post(`/api/v1/cases/${caseId}/safety-assessments`, {
      acuteUnsafety: true,
      structuralUnsafety: true,
    });
    const refused = await zwolle.post(`/api/v1/cases/${caseId}/close`, { reason: "Done." });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reasons[0]).toEqual({
      code: "acute-unsafety-open",
      message: expect.any(String),
      overridable: false,
    });
  });

  it("lets only the director close past a minor without help, with a reason that lands in the history", async () => {
    const { caseId, child } = await zwolleCase();
    const override = {
      code: "minor-without-help",
      itemId: child.id,
      reason: "No help needed: the concern was refuted.",
    };
    // The centre is involved but does not direct: 403.
    expect(
      (await intake.post(`/api/v1/cases/${caseId}/close`, { reason: "Done.", overrides: [override] }))
        .statusCode,
    ).toBe(403);
    // A reason for an item that does not stand in the way is a mistake: 400, nothing changes.
    const stray = await zwolle.post(`/api/v1/cases/${caseId}/close`, {
      reason: "Done.",
      overrides: [override, { code: "agreement-open", itemId: "not-an-agreement", reason: "x" }],
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().errors).toEqual([{ path: "overrides.1", message: "not an open item of this case" }]);
    expect((await zwolle.get(`/api/v1/cases/${caseId}`)).json().status).toBe("open");
    // Whitespace is not a reason.
    expect(
      (
        await zwolle.post(`/api/v1/cases/${caseId}/close`, {
          reason: "Done.",
          overrides: [{ ...override, reason: "  " }],
        })
      ).statusCode,
    ).toBe(400);

    const closed = await zwolle.post(`/api/v1/cases/${caseId}/close`, {
      reason: "Done.",
      overrides: [override],
    });
    expect(closed.statusCode).toBe(200);
    const history = (await zwolle.get(`/api/v1/cases/${caseId}/history`)).json().items;
    expect(history.slice(-2)).toEqual([
      expect.objectContaining({
        kind: "closure-override",
        reason: override.reason,
        details: { code: "minor-without-help", itemId: child.id },
        userId: zwolle.userId,
      }),
      expect.objectContaining({ kind: "case-closed", reason: "Done." }),
    ]);
  });

  it("closes one of two parallel closures and refuses the other", async () => {
    const { caseId, child } = await zwolleCase();
    await zwolle.post(`/api/v1/cases/${caseId}/persons/${child.id}/help-offered`, {
      date: today,
      description: "Help",
    });
    const answers = await Promise.all([
      zwolle.post(`/api/v1/cases/${caseId}/close`, { reason: "One." }),
      zwolle.post(`/api/v1/cases/${caseId}/close`, { reason: "Two." }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect((await zwolle.get(`/api/v1/cases/${caseId}/follow-ups`)).json().items).toHaveLength(3);
  });
});

describe("follow-ups", () => {
  it("open two weeks before their due date; new violence notifies the case's organisations", async () => {
    const { caseId, child } = await zwolleCase();
    await zwolle.post(`/api/v1/cases/${caseId}/persons/${child.id}/help-offered`, {
      date: today,
      description: "Help",
    });
    expect((await zwolle.post(`/api/v1/cases/${caseId}/close`, { reason: "Safe." })).statusCode).toBe(200);
    const [first] = (await zwolle.get(`/api/v1/cases/${caseId}/follow-ups`)).json().items;
    expect(first.opensOn).toBe(addCalendarDays(first.dueOn, -14));

    // The day before it opens: 409 with the date.
    await t.database.db
      .update(followUps)
      .set({ dueOn: addCalendarDays(today, 15) })
      .where(eq(followUps.id, first.id));
    const early = await zwolle.post(`/api/v1/follow-ups/${first.id}`, { outcome: "safe" });
    expect(early.statusCode).toBe(409);
    expect(early.json().opensOn).toBe(addCalendarDays(today, 1));
    // On the day it opens: recorded.
    await t.database.db
      .update(followUps)
      .set({ dueOn: addCalendarDays(today, 14) })
      .where(eq(followUps.id, first.id));
    const recorded = await zwolle.post(`/api/v1/follow-ups/${first.id}`, {
      outcome: "new-violence",
      notes: "Police called.",
    });
    expect(recorded.statusCode).toBe(200);
    for (const session of [intake, zwolle]) {
      expect((await session.get("/api/v1/notifications")).json().items).toContainEqual(
        expect.objectContaining({ kind: "follow-up-new-violence", caseId }),
      );
    }
    expect((await deventer.get("/api/v1/notifications")).json().items).not.toContainEqual(
      expect.objectContaining({ caseId }),
    );
    expect((await zwolle.post(`/api/v1/follow-ups/${first.id}`, { outcome: "safe" })).statusCode).toBe(409);
  });

  it("are scheduled for the sender when a handover ends its part; the sender then only reads and follows up", async () => {
    const report = await createReportAs(intake, sampleReport());
    const assessed = await intake.post(`/api/v1/reports/${report.id}/safety-assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: true,
      immediateMeasures: [],
    });
    expect(assessed.statusCode).toBe(200);
    const triaged = await intake.post(`/api/v1/reports/${report.id}/triage`, {
      route: "investigation",
      rationale: "Unclear.",
      keepReason: "insufficient-information",
    });
    expect(triaged.statusCode).toBe(200);
    const { caseId } = triaged.json();
    const proposed = await intake.post(`/api/v1/cases/${caseId}/handovers`, {
      toOrganisationId: zwolle.organisationId,
      note: "The local team takes over.",
      senderPart: "ends",
    });
    expect(proposed.statusCode).toBe(201);
    expect((await intake.get(`/api/v1/cases/${caseId}/follow-ups`)).json().items).toEqual([]);
    const acceptedAnswer = await zwolle.post(`/api/v1/handovers/${proposed.json().id}/accept`);
    expect(acceptedAnswer.json()).toMatchObject({ status: "accepted" });

    const detail = (await zwolle.get(`/api/v1/cases/${caseId}`)).json();
    expect(detail.director).toMatchObject({ userId: zwolle.userId, organisationId: zwolle.organisationId });
    expect(detail.involvements).toContainEqual(
      expect.objectContaining({ organisationId: intake.organisationId, ground: "follow-up" }),
    );
    const due = (await intake.get(`/api/v1/cases/${caseId}/follow-ups`)).json().items;
    expect(
      due.map((f: { monthsAfterClosure: number; trigger: string; organisationId: string }) => [
        f.monthsAfterClosure,
        f.trigger,
        f.organisationId,
      ]),
    ).toEqual([
      [3, "handover", intake.organisationId],
      [6, "handover", intake.organisationId],
      [12, "handover", intake.organisationId],
    ]);
    // On the centre's work list (start page).
    expect((await intake.get("/api/v1/follow-ups")).json().items).toContainEqual(
      expect.objectContaining({ caseId, monthsAfterClosure: 3 }),
    );
    // The centre reads but no longer works on the case.
    expect((await intake.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    expect(
      (
        await intake.post(`/api/v1/cases/${caseId}/safety-assessments`, {
          acuteUnsafety: false,
          structuralUnsafety: false,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("every person's help", () => {
  it("is recorded per person: offered, started, ended, withdrawn — never before it was offered or in the future", async () => {
    const { caseId, father } = await zwolleCase();
    const base = {
      kind: "perpetrator-programme",
      description: "Group programme",
      providerOrganisationId: zwolle.organisationId,
    };
    const future = await zwolle.post(`/api/v1/cases/${caseId}/persons/${father.id}/help`, {
      ...base,
      offeredOn: addCalendarDays(today, 1),
    });
    expect(future.statusCode).toBe(400);
    const bad = await zwolle.post(`/api/v1/cases/${caseId}/persons/${father.id}/help`, {
      kind: "magic",
      description: "",
      offeredOn: "2013-12-31",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["description", "kind", "offeredOn"].sort());
    expect(
      (
        await zwolle.post(`/api/v1/cases/${caseId}/persons/${father.id}/help`, {
          ...base,
          offeredOn: "9999-12-31",
        })
      ).statusCode,
    ).toBe(400);
    const offered = await zwolle.post(`/api/v1/cases/${caseId}/persons/${father.id}/help`, {
      ...base,
      offeredOn: addCalendarDays(today, -10),
    });
    expect(offered.statusCode).toBe(201);
    const help = offered.json();
    expect(help).toMatchObject({ status: "offered", startedOn: null, waitingDays: null });
    expect(
      (
        await zwolle.post(`/api/v1/cases/${caseId}/help/${help.id}/start`, {
          startedOn: addCalendarDays(today, -11),
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await zwolle.post(`/api/v1/cases/${caseId}/help/${help.id}/end`, { endedOn: today })).statusCode,
    ).toBe(409);
    const started = await zwolle.post(`/api/v1/cases/${caseId}/help/${help.id}/start`, {
      startedOn: addCalendarDays(today, -3),
    });
    expect(started.json()).toMatchObject({ status: "started", waitingDays: 7 });
    expect(
      (await zwolle.post(`/api/v1/cases/${caseId}/help/${help.id}/start`, { startedOn: today })).statusCode,
    ).toBe(409);
    const ended = await zwolle.post(`/api/v1/cases/${caseId}/help/${help.id}/end`, { endedOn: today });
    expect(ended.json()).toMatchObject({ status: "ended", endedOn: today });

    // Another organisation's case id with this help id: 404.
    const other = await zwolleCase();
    expect(
      (await zwolle.post(`/api/v1/cases/${other.caseId}/help/${help.id}/withdraw`, { reason: "x" }))
        .statusCode,
    ).toBe(404);
    const withdrawn = await zwolle.post(`/api/v1/cases/${caseId}/help/${help.id}/withdraw`, {
      reason: "Recorded on the wrong person.",
    });
    expect(withdrawn.json()).toMatchObject({
      status: "withdrawn",
      withdrawn: { reason: "Recorded on the wrong person." },
    });

    const list = (await zwolle.get(`/api/v1/cases/${caseId}/help`)).json().items;
    expect(list).toHaveLength(1);
    const detail = (await zwolle.get(`/api/v1/cases/${caseId}`)).json();
    const person = detail.persons.find((p: { id: string }) => p.id === father.id);
    expect(person).toMatchObject({ helpOffered: false, help: [] });
    expect(person.helpRecords).toHaveLength(1);
    const history = (await zwolle.get(`/api/v1/cases/${caseId}/history`))
      .json()
      .items.map((h: { kind: string }) => h.kind);
    expect(history.slice(-4)).toEqual(["help-offered", "help-started", "help-ended", "help-withdrawn"]);
    // A chain partner not involved cannot see it.
    expect((await police.get(`/api/v1/cases/${caseId}/help`)).statusCode).toBe(404);
  });

  it("counts a stated minor without birth date, flags unknown status to check, and never a perpetrator by role", async () => {
    const report = await createReportAs(
      intake,
      sampleReport({
        persons: [
          { key: "p1", firstName: "Sara", lastName: "Visser", birthDate: "1990-01-01", role: "victim" },
          { key: "p2", firstName: "Tom", lastName: "Visser", role: "alleged-perpetrator" },
          { key: "p3", firstName: "Mila", lastName: "Visser", role: "child-witness" },
        ],
        relations: [],
      }),
    );
    const { caseId } = await handOver(intake, report.id, zwolle.organisationId);
    const detail = (await intake.get(`/api/v1/cases/${caseId}`)).json();
    const mila = detail.persons.find((p: { firstName: string }) => p.firstName === "Mila");
    const tom = detail.persons.find((p: { firstName: string }) => p.firstName === "Tom");
    // Neither has a birth date: both "unknown", to check; the child-witness role counts for nothing.
    expect(detail.flags).toMatchObject({ childrenWithoutHelp: 0, minorsToCheck: 2 });
    expect(mila).toMatchObject({ minor: "unknown", minorToCheck: true });

    const set = await intake.post(`/api/v1/cases/${caseId}/persons/${mila.id}/minor`, {
      minor: "yes",
      reason: "The school confirmed she is in year 4.",
    });
    expect(set.json()).toEqual({ personId: mila.id, minor: "yes" });
    await intake.post(`/api/v1/cases/${caseId}/persons/${tom.id}/minor`, {
      minor: "no",
      reason: "Adult, per police.",
    });
    const after = (await intake.get(`/api/v1/cases/${caseId}`)).json();
    expect(after.flags).toMatchObject({ childrenWithoutHelp: 1, minorsToCheck: 0 });
    const listed = (await intake.get("/api/v1/cases?limit=100"))
      .json()
      .items.find((c: { id: string }) => c.id === caseId);
    expect(listed).toMatchObject({ childrenWithoutHelp: 1, minorsToCheck: 0 });
    const history = (await intake.get(`/api/v1/cases/${caseId}/history`)).json().items;
    expect(history).toContainEqual(
      expect.objectContaining({
        kind: "minor-status-set",
        reason: "The school confirmed she is in year 4.",
        details: { personId: mila.id, from: "unknown", to: "yes" },
      }),
    );
    // A birth date decides: a stated answer is refused.
    const mother = after.persons.find((p: { firstName: string }) => p.firstName === "Sara");
    expect(
      (await intake.post(`/api/v1/cases/${caseId}/persons/${mother.id}/minor`, { minor: "yes", reason: "x" }))
        .statusCode,
    ).toBe(409);
    expect(
      (await intake.post(`/api/v1/cases/${caseId}/persons/${mila.id}/minor`, { minor: "maybe", reason: "x" }))
        .statusCode,
    ).toBe(400);
  });

  it("migrated: a stated minor's birth date is not needed for the list's count", async () => {
    // The SQL count follows minorStatus(): a 17-year-old by birth date counts, an 18-year-old not.
    const report = await createReportAs(
      intake,
      sampleReport({
        persons: [
          { key: "p1", firstName: "Ada", lastName: "Bos", birthDate: "1980-01-01", role: "victim" },
          {
            key: "p2",
            firstName: "Ben",
            lastName: "Bos",
            birthDate: addYears(today, -18),
            role: "child-witness",
          },
          {
            key: "p3",
            firstName: "Cas",
            lastName: "Bos",
            birthDate: addCalendarDays(addYears(today, -18), 1),
            role: "alleged-perpetrator",
          },
        ],
        relations: [],
      }),
    );
    const { caseId } = await handOver(intake, report.id, zwolle.organisationId);
    const detail = (await intake.get(`/api/v1/cases/${caseId}`)).json();
    const listed = (await intake.get("/api/v1/cases?limit=100"))
      .json()
      .items.find((c: { id: string }) => c.id === caseId);
    expect(detail.flags.childrenWithoutHelp).toBe(1);
    expect(listed.childrenWithoutHelp).toBe(1);
    const cas = detail.persons.find((p: { firstName: string }) => p.firstName === "Cas");
    expect(cas.minor).toBe("yes");
    const [row] = await t.database.db
      .select({ minor: persons.minor })
      .from(persons)
      .where(eq(persons.id, cas.id));
    expect(row?.minor).toBeDefined();
  });
});

describe("smaller case defects", () => {
  it("sets the MDA++ flag only when the MDA++ team accepts", async () => {
    const { caseId } = await zwolleCase();
    const proposed = await zwolle.post(`/api/v1/cases/${caseId}/handovers`, {
      toOrganisationId: mda.organisationId,
      note: "Severe and recurring.",
    });
    expect(proposed.statusCode).toBe(201);
    expect((await zwolle.get(`/api/v1/cases/${caseId}`)).json().flags.mda).toBe(false);
    expect((await mda.post(`/api/v1/handovers/${proposed.json().id}/accept`)).statusCode).toBe(200);
    expect((await zwolle.get(`/api/v1/cases/${caseId}`)).json().flags.mda).toBe(true);
  });

  it("refuses local direction while the director belongs to the centre, with a clear problem", async () => {
    const report = await createReportAs(intake, sampleReport());
    const { caseId, handoverId } = await handOver(intake, report.id, zwolle.organisationId);
    await zwolle.post(`/api/v1/handovers/${handoverId}/accept`);
    const refused = await intake.post(`/api/v1/cases/${caseId}/direction`, {
      direction: "local",
      reason: "Calm.",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toMatch(/local-direction-needs-local-director$/);
    expect((await intake.get(`/api/v1/cases/${caseId}`)).json().direction).toBe("regional");
    // Once a local team's worker directs, local direction is fine; a centre director then is not.
    await intake.post(`/api/v1/cases/${caseId}/director`, { userId: zwolle.userId });
    expect(
      (await intake.post(`/api/v1/cases/${caseId}/direction`, { direction: "local", reason: "Calm." }))
        .statusCode,
    ).toBe(200);
    const centreDirector = await zwolle.post(`/api/v1/cases/${caseId}/director`, { userId: intake.userId });
    expect(centreDirector.statusCode).toBe(409);
  });

  it("shows a declined handover's reason on the case to its organisations", async () => {
    const { caseId } = await zwolleCase();
    const proposed = await zwolle.post(`/api/v1/cases/${caseId}/handovers`, {
      toOrganisationId: deventer.organisationId,
      note: "Moving to Deventer.",
    });
    await deventer.post(`/api/v1/handovers/${proposed.json().id}/decline`, {
      reason: "Not yet registered in Deventer.",
    });
    for (const session of [zwolle, intake]) {
      const handover = (await session.get(`/api/v1/cases/${caseId}`))
        .json()
        .handovers.find((h: { id: string }) => h.id === proposed.json().id);
      expect(handover).toMatchObject({
        status: "declined",
        declineReason: "Not yet registered in Deventer.",
      });
    }
  });
});

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}
