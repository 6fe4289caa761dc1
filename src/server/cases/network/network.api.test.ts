import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, shelterStays } from "../../db/schema.ts";
import { createTestApp, type TestApp, type TestSession } from "../../test-support/app.ts";
import { assessment, createReportAs, sampleReport } from "../../test-support/reports.ts";

let t: TestApp;
let intake: TestSession;
let centreWorker: TestSession;
let shelter: TestSession;
let police: TestSession;
let deventer: TestSession;
let zwolle: TestSession;
let policy: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  intake = await t.login("intake");
  centreWorker = await t.login("centre.worker");
  shelter = await t.login("shelter");
  police = await t.login("police");
  deventer = await t.login("lt.deventer");
  zwolle = await t.login("lt.zwolle");
  policy = await t.login("policy.zwolle");
});
afterAll(() => t.close());

/** A case the centre keeps (investigation): the intake worker is its director. */
async function centreCase(): Promise<{ caseId: string; reportId: string }> {
  const report = await createReportAs(intake, sampleReport());
  expect((await intake.post(`/api/v1/reports/${report.id}/safety-assessment`, assessment)).statusCode).toBe(
    200,
  );
  const triaged = await intake.post(`/api/v1/reports/${report.id}/triage`, {
    route: "investigation",
    rationale: "Facts unclear; the centre investigates.",
    keepReason: "insufficient-information",
  });
  expect(triaged.statusCode).toBe(200);
  return { caseId: triaged.json().caseId as string, reportId: report.id };
}

async function invite(by: TestSession, caseId: string, organisationId: string, purpose = "shelter") {
  return by.post(`/api/v1/cases/${caseId}/network-partners`, {
    organisationId,
    purpose,
    purposeText: "Crisis place for mother and child",
  });
}

async function putAgreements(caseId: string, agreements: object[]) {
  const current = await intake.get(`/api/v1/cases/${caseId}/safety-plan`);
  const saved = await intake.request(
    "PUT",
    `/api/v1/cases/${caseId}/safety-plan`,
    { plan: { ...current.json().plan, agreements } },
    { "if-match": current.headers.etag as string },
  );
  expect(saved.statusCode).toBe(200);
  return saved.json() as { version: number; plan: { agreements: { id: string; status: string }[] } };
}

const done = (session: TestSession, caseId: string, agreementId: string) =>
  session.post(`/api/v1/cases/${caseId}/safety-plan/agreements/${agreementId}/done`);

describe("joining a case's network", () => {
  it("lets an invited partner see only the invitation until it accepts, then the partner view", async () => {
    const { caseId, reportId } = await centreCase();
    const invited = await invite(intake, caseId, shelter.organisationId);
    expect(invited.statusCode).toBe(201);
    const partnership = invited.json();
    expect(partnership).toMatchObject({
      status: "invited",
      purpose: "shelter",
      organisationId: shelter.organisationId,
    });

    // The invitation, and nothing of the case.
    expect((await shelter.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await shelter.get(`/api/v1/cases/${caseId}/safety-plan`)).statusCode).toBe(404);
    expect((await shelter.get(`/api/v1/cases/${caseId}/network-partners`)).statusCode).toBe(404);
    const invitations = (await shelter.get("/api/v1/network-partnerships?status=invited")).json().items;
    expect(invitations).toContainEqual(expect.objectContaining({ id: partnership.id, caseId }));
    const notices = (await shelter.get("/api/v1/notifications")).json().items;
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: "network-invited", partnershipId: partnership.id, caseId: null }),
    );
    // A case list leaves it out.
    expect((await shelter.get("/api/v1/cases")).json().items.map((c: { id: string }) => c.id)).not.toContain(
      caseId,
    );

    const plan = await putAgreements(caseId, [
      { text: "Keep a crisis place for mother and child", ownerOrganisationId: shelter.organisationId },
      { text: "Talk with the father", ownerOrganisationId: intake.organisationId },
    ]);

    const accepted = await shelter.post(`/api/v1/network-partnerships/${partnership.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe("active");
    expect((await shelter.post(`/api/v1/network-partnerships/${partnership.id}/accept`)).statusCode).toBe(
      409,
    );
    expect((await intake.get("/api/v1/notifications")).json().items).toContainEqual(
      expect.objectContaining({ kind: "network-accepted", partnershipId: partnership.id, caseId }),
    );

    const seen = await shelter.get(`/api/v1/cases/${caseId}`);
    expect(seen.statusCode).toBe(200);
    const detail = seen.json();
    expect(detail.access).toMatchObject({
      ground: "network-partner",
      purpose: "shelter",
      view: "network-partner",
    });
    expect(detail.accessGround).toMatch(/^network partner since \d{4}-\d{2}-\d{2}: purpose shelter$/);
    expect(detail.reports).toEqual([]);
    expect(detail.reportIds).toEqual([]);
    expect(detail.handovers).toEqual([]);
    expect(detail.persons).toHaveLength(3);
    // Never the reporter, in any answer the partner gets.
    const answers = [
      seen.body,
      (await shelter.get(`/api/v1/cases/${caseId}/safety-plan`)).body,
      (await shelter.get(`/api/v1/cases/${caseId}/history`)).body,
      (await shelter.get(`/api/v1/cases/${caseId}/network-partners`)).body,
    ];
    for (const body of answers) {
      expect(body).not.toContain("Marit Hoekstra");
      expect(body).not.toContain("Regenboog");
      expect(body).not.toContain("038-1234567");
    }
    expect((await shelter.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(404);
    const queue = (await shelter.get("/api/v1/reports?limit=100"))
      .json()
      .items.map((r: { id: string }) => r.id);
    expect(queue).not.toContain(reportId);
    expect((await shelter.get(`/api/v1/cases/${caseId}/follow-ups`)).json().items).toEqual([]);
    // The centre keeps its full view.
    expect((await intake.get(`/api/v1/cases/${caseId}`)).json().reports).toHaveLength(1);

    // The plan with its own agreement; on the start page's work list only its own.
    const partnerPlan = (await shelter.get(`/api/v1/cases/${caseId}/safety-plan`)).json();
    expect(partnerPlan.plan.agreements).toHaveLength(2);
    const own = (await shelter.get("/api/v1/agreements"))
      .json()
      .items.filter((a: { caseId: string }) => a.caseId === caseId);
    expect(own).toEqual([expect.objectContaining({ agreementId: plan.plan.agreements[0]?.id })]);

    // The audit log names the ground with the purpose.
    const entries = await t.database.db.select().from(auditEntries).where(eq(auditEntries.caseId, caseId));
    expect(
      entries.filter(
        (e) =>
          e.organisationId === shelter.organisationId && e.action === "case.read" && e.outcome === "success",
      ),
    ).toEqual([
      expect.objectContaining({
        ground: expect.stringMatching(/^network partner since .*: purpose shelter$/),
      }),
    ]);

    // A partner contributes; it does not direct: not even a case worker's organisation.
    const dev = await invite(intake, caseId, deventer.organisationId, "local-support");
    expect((await deventer.post(`/api/v1/network-partnerships/${dev.json().id}/accept`)).statusCode).toBe(
      200,
    );
    expect(
      (await deventer.post(`/api/v1/cases/${caseId}/phase`, { phase: "recovery", reason: "Better." }))
        .statusCode,
    ).toBe(403);
    const devPlan = await deventer.get(`/api/v1/cases/${caseId}/safety-plan`);
    expect(
      (
        await deventer.request(
          "PUT",
          `/api/v1/cases/${caseId}/safety-plan`,
          { plan: devPlan.json().plan },
          { "if-match": devPlan.headers.etag as string },
        )
      ).statusCode,
    ).toBe(403);
    expect((await invite(deventer, caseId, police.organisationId, "safety")).statusCode).toBe(403);

    // Leaving: access ends at once, the history keeps it.
    const ended = await shelter.post(`/api/v1/network-partnerships/${partnership.id}/end`, {
      reason: "The family has left the shelter.",
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().status).toBe("ended");
    expect((await shelter.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await shelter.get(`/api/v1/cases/${caseId}/safety-plan`)).statusCode).toBe(404);
    expect((await done(shelter, caseId, plan.plan.agreements[0]?.id ?? "")).statusCode).toBe(404);
    expect(
      (await shelter.get("/api/v1/agreements")).json().items.map((a: { caseId: string }) => a.caseId),
    ).not.toContain(caseId);
    expect((await intake.get("/api/v1/notifications")).json().items).toContainEqual(
      expect.objectContaining({ kind: "network-ended", partnershipId: partnership.id }),
    );
    const history = (await intake.get(`/api/v1/cases/${caseId}/history`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(history).toEqual(
      expect.arrayContaining([
        "network-partner-invited",
        "network-partner-accepted",
        "network-partner-ended",
      ]),
    );
    const list = (await intake.get(`/api/v1/cases/${caseId}/network-partners`)).json().items;
    expect(list).toContainEqual(
      expect.objectContaining({
        id: partnership.id,
        status: "ended",
        endReason: "The family has left the shelter.",
      }),
    );
    // It can be invited again later.
    expect((await invite(intake, caseId, shelter.organisationId)).statusCode).toBe(201);
  });

  it("refuses invitations that are not the director's or the centre's, or to no partner", async () => {
    const { caseId } = await centreCase();
    expect((await invite(zwolle, caseId, shelter.organisationId)).statusCode).toBe(404);
    expect((await invite(police, caseId, shelter.organisationId)).statusCode).toBe(403);
    expect((await invite(policy, caseId, shelter.organisationId)).statusCode).toBe(403);
    const municipality = (await intake.get("/api/v1/organisations"))
      .json()
      .find((o: { kind: string }) => o.kind === "municipality").id;
    const refused = await invite(intake, caseId, municipality);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: "organisationId" })]);
    expect((await invite(intake, caseId, intake.organisationId)).statusCode).toBe(400);
    const bad = await intake.post(`/api/v1/cases/${caseId}/network-partners`, {
      organisationId: "not-a-uuid",
      purpose: "tea",
      purposeText: "a\u0000b",
      extra: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(3);
    expect((await intake.get(`/api/v1/cases/${caseId}/network-partners`)).json().items).toEqual([]);
    // Upper-case ids name the same organisation: still one open partnership.
    expect((await invite(intake, caseId, police.organisationId.toUpperCase(), "safety")).statusCode).toBe(
      201,
    );
    expect((await invite(intake, caseId, police.organisationId, "safety")).statusCode).toBe(409);
  });

  it("records a decline with its reason and withdraws an invitation", async () => {
    const { caseId } = await centreCase();
    const p = (await invite(intake, caseId, police.organisationId, "safety")).json();
    expect(
      (await zwolle.post(`/api/v1/network-partnerships/${p.id}/decline`, { reason: "x" })).statusCode,
    ).toBe(404);
    expect((await centreWorker.post(`/api/v1/network-partnerships/${p.id}/accept`)).statusCode).toBe(403);
    expect((await police.post(`/api/v1/network-partnerships/${p.id}/decline`, {})).statusCode).toBe(400);
    const declined = await police.post(`/api/v1/network-partnerships/${p.id}/decline`, {
      reason: "No police task here.",
    });
    expect(declined.json()).toMatchObject({ status: "declined", declineReason: "No police task here." });
    expect((await police.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await intake.get("/api/v1/notifications")).json().items).toContainEqual(
      expect.objectContaining({ kind: "network-declined", partnershipId: p.id }),
    );

    const s = (await invite(intake, caseId, shelter.organisationId)).json();
    expect(
      (await shelter.post(`/api/v1/network-partnerships/${s.id}/end`, { reason: "no" })).statusCode,
    ).toBe(409);
    const withdrawn = await intake.post(`/api/v1/network-partnerships/${s.id}/end`, {
      reason: "Not needed after all.",
    });
    expect(withdrawn.json().status).toBe("withdrawn");
    expect((await shelter.post(`/api/v1/network-partnerships/${s.id}/accept`)).statusCode).toBe(409);
    expect(
      (await shelter.get("/api/v1/network-partnerships")).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(s.id);
  });

  it("ends a partnership by the director and tells the partner, without a link to the case", async () => {
    const { caseId } = await centreCase();
    const p = (await invite(intake, caseId, police.organisationId, "safety")).json();
    await police.post(`/api/v1/network-partnerships/${p.id}/accept`);
    expect(
      (await centreWorker.post(`/api/v1/network-partnerships/${p.id}/end`, { reason: "Done." })).statusCode,
    ).toBe(200);
    expect((await police.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const notice = (await police.get("/api/v1/notifications"))
      .json()
      .items.find(
        (n: { kind: string; partnershipId: string }) =>
          n.kind === "network-ended" && n.partnershipId === p.id,
      );
    expect(notice).toMatchObject({ caseId: null, caseReference: expect.any(String) });
  });
});

describe("what a partner sees of help, and its access at closure", () => {
  it("shows a partner only the help its own organisation gives, and ends its access when the case closes", async () => {
    const { caseId } = await centreCase();
    const partnership = (await invite(intake, caseId, shelter.organisationId)).json();
    expect((await shelter.post(`/api/v1/network-partnerships/${partnership.id}/accept`)).statusCode).toBe(
      200,
    );
    const detail = (await intake.get(`/api/v1/cases/${caseId}`)).json() as {
      persons: { id: string; birthDate?: string; age?: number }[];
    };
    const child = detail.persons.find((p) => p.age !== undefined && p.age < 18);
    if (!child) {
      throw new Error("the sample household has a child");
    }
    const today = new Date().toISOString().slice(0, 10);
    const centreHelp = await intake.post(`/api/v1/cases/${caseId}/persons/${child.id}/help`, {
      kind: "other",
      description: "Play therapy at the youth service",
      providerName: "Jeugdhulp IJsselland",
      offeredOn: today,
    });
    expect(centreHelp.statusCode).toBe(201);

    const seen = await shelter.get(`/api/v1/cases/${caseId}/help`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items).toEqual([]);
    const asCase = (await shelter.get(`/api/v1/cases/${caseId}`)).json() as {
      persons: { helpRecords: unknown[] }[];
      flags: { childrenWithoutHelp: number };
    };
    expect(asCase.persons.flatMap((p) => p.helpRecords)).toEqual([]);
    expect(asCase.flags.childrenWithoutHelp).toBe(0);
    expect((await intake.get(`/api/v1/cases/${caseId}/help`)).json().items).toHaveLength(1);

    const closed = await intake.post(`/api/v1/cases/${caseId}/close`, { reason: "Safe at home." });
    expect(closed.statusCode).toBe(200);
    expect((await shelter.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const partners = (await intake.get(`/api/v1/cases/${caseId}/network-partners`)).json();
    expect(JSON.stringify(partners)).toContain('"status":"ended"');
  });
});

describe("agreements marked done from the start page", () => {
  it("lets only the owning organisation or the director mark an agreement done", async () => {
    const { caseId } = await centreCase();
    const p = (await invite(intake, caseId, shelter.organisationId)).json();
    await shelter.post(`/api/v1/network-partnerships/${p.id}/accept`);
    const plan = await putAgreements(caseId, [
      { text: "Shelter place", ownerOrganisationId: shelter.organisationId },
      { text: "Centre talks with father", ownerOrganisationId: intake.organisationId },
      { text: "Shelter plans aftercare", ownerOrganisationId: shelter.organisationId },
    ]);
    const [mine, centres, third] = plan.plan.agreements;
    const marked = await done(shelter, caseId, mine?.id ?? "");
    expect(marked.statusCode).toBe(200);
    expect(marked.headers.etag).toBe(`"plan-v${plan.version + 1}"`);
    expect(marked.json().plan.agreements.map((a: { status: string }) => a.status)).toEqual([
      "done",
      "open",
      "open",
    ]);
    expect((await done(shelter, caseId, mine?.id ?? "")).statusCode).toBe(409);
    expect((await done(shelter, caseId, centres?.id ?? "")).statusCode).toBe(403);
    expect((await done(shelter, caseId, "no-such-agreement")).statusCode).toBe(404);
    expect((await done(police, caseId, mine?.id ?? "")).statusCode).toBe(404);
    expect((await done(policy, caseId, mine?.id ?? "")).statusCode).toBe(403);
    // A colleague of the centre who does not direct may not mark the shelter's agreement; the director may.
    expect((await done(centreWorker, caseId, third?.id ?? "")).statusCode).toBe(403);
    expect((await done(centreWorker, caseId, centres?.id ?? "")).statusCode).toBe(200);
    expect((await done(intake, caseId, third?.id ?? "")).statusCode).toBe(200);
    const history = (await intake.get(`/api/v1/cases/${caseId}/history`)).json().items;
    expect(history.filter((e: { kind: string }) => e.kind === "plan-saved")).toHaveLength(4);
  });

  it("loses no update when two agreements of one plan are marked done at once", async () => {
    const { caseId } = await centreCase();
    const plan = await putAgreements(caseId, [
      { text: "One", ownerOrganisationId: intake.organisationId },
      { text: "Two", ownerOrganisationId: intake.organisationId },
      { text: "Three", ownerOrganisationId: intake.organisationId },
    ]);
    const ids = plan.plan.agreements.map((a) => a.id);
    const answers = await Promise.all(ids.map((id) => done(intake, caseId, id)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    const after = (await intake.get(`/api/v1/cases/${caseId}/safety-plan`)).json();
    expect(after.version).toBe(plan.version + 3);
    expect(after.plan.agreements.map((a: { status: string }) => a.status)).toEqual(["done", "done", "done"]);
  });

  it("marks one agreement done once when it is clicked twice at once", async () => {
    const { caseId } = await centreCase();
    const plan = await putAgreements(caseId, [{ text: "Once", ownerOrganisationId: intake.organisationId }]);
    const id = plan.plan.agreements[0]?.id ?? "";
    const answers = await Promise.all([done(intake, caseId, id), done(centreWorker, caseId, id)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const after = (await intake.get(`/api/v1/cases/${caseId}/safety-plan`)).json();
    expect(after.version).toBe(plan.version + 1);
    expect(after.plan.agreements[0].status).toBe("done");
  });

  it("keeps an edit from the plan editor and a one-click done made at the same time", async () => {
    // Several rounds: on PostgreSQL a lock order that deadlocks shows up as a 500 in one of them.
    for (let round = 0; round < 4; round++) {
      const { caseId } = await centreCase();
      const plan = await putAgreements(caseId, [
        { text: "Click me", ownerOrganisationId: intake.organisationId },
      ]);
      const id = plan.plan.agreements[0]?.id ?? "";
      const [edit, click] = await Promise.all([
        intake.request(
          "PUT",
          `/api/v1/cases/${caseId}/safety-plan`,
          { plan: { ...plan.plan, goal: "Everyone is safe." } },
          { "if-match": `"plan-v${plan.version}"` },
        ),
        done(intake, caseId, id),
      ]);
      expect(click.statusCode).toBe(200);
      const after = (await intake.get(`/api/v1/cases/${caseId}/safety-plan`)).json();
      expect(after.plan.agreements[0].status).toBe("done");
      // The editor's save either landed first (and the click was applied on top) or got 412 to rebase.
      if (edit.statusCode === 200) {
        expect(after.plan.goal).toBe("Everyone is safe.");
      } else {
        expect(edit.statusCode).toBe(412);
      }
    }
  });

  it("answers 412, never 500, to the loser of two plan saves from the same version at once", async () => {
    const { caseId } = await centreCase();
    const plan = await putAgreements(caseId, [{ text: "Base", ownerOrganisationId: intake.organisationId }]);
    const save = (goal: string) =>
      intake.request(
        "PUT",
        `/api/v1/cases/${caseId}/safety-plan`,
        { plan: { ...plan.plan, goal } },
        { "if-match": `"plan-v${plan.version}"` },
      );
    for (let round = 0; round < 3; round++) {
      const current = (await intake.get(`/api/v1/cases/${caseId}/safety-plan`)).json().version as number;
      const answers = await Promise.all(
        ["A", "B", "C"].map((goal) =>
          intake.request(
            "PUT",
            `/api/v1/cases/${caseId}/safety-plan`,
            { plan: { ...plan.plan, goal } },
            { "if-match": `"plan-v${current}"` },
          ),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 412, 412]);
    }
    expect((await save("late")).statusCode).toBe(412);
  });

  it("lists an agreement whose owner id was sent in upper case on the owner's work list", async () => {
    const { caseId } = await centreCase();
    await putAgreements(caseId, [
      { text: "Upper", ownerOrganisationId: intake.organisationId.toUpperCase() },
    ]);
    const items = (await intake.get("/api/v1/agreements"))
      .json()
      .items.filter((a: { caseId: string }) => a.caseId === caseId);
    expect(items).toEqual([expect.objectContaining({ text: "Upper" })]);
    expect((await done(intake, caseId, items[0].agreementId)).statusCode).toBe(200);
  });
});

describe("a shelter stay names its shelter", () => {
  const stay = (caseId: string, personIds: string[], extra: object = {}) =>
    intake.post(`/api/v1/cases/${caseId}/shelter-stays`, {
      personIds,
      kind: "crisis",
      startsOn: "2026-05-01",
      ...extra,
    });

  it("involves the shelter, which sees the stay and its agreement on its start page", async () => {
    const { caseId } = await centreCase();
    const persons = (await intake.get(`/api/v1/cases/${caseId}`)).json().persons as {
      id: string;
      role: string;
    }[];
    const mother = persons.find((p) => p.role === "victim")?.id ?? "";
    const child = persons.find((p) => p.role === "child-witness")?.id ?? "";
    const recorded = await stay(caseId, [mother, child], {
      shelterOrganisationId: shelter.organisationId.toUpperCase(),
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ shelterOrganisationId: shelter.organisationId, active: true });
    const stays = (await shelter.get("/api/v1/shelter-stays")).json().items;
    expect(stays).toContainEqual(expect.objectContaining({ id: recorded.json().id, caseId, personCount: 2 }));
    expect((await shelter.get("/api/v1/notifications")).json().items).toContainEqual(
      expect.objectContaining({ kind: "network-joined", caseId }),
    );
    const seen = (await shelter.get(`/api/v1/cases/${caseId}`)).json();
    expect(seen.access).toMatchObject({ ground: "network-partner", purpose: "shelter" });
    expect(seen.shelterStays).toEqual([expect.objectContaining({ id: recorded.json().id })]);
    expect(seen.flags.inShelter).toBe(true);

    // An agreement for the shelter, marked done by it.
    const plan = await putAgreements(caseId, [
      { text: "Intake talk in the shelter", ownerOrganisationId: shelter.organisationId },
    ]);
    const item = (await shelter.get("/api/v1/agreements"))
      .json()
      .items.find((a: { caseId: string }) => a.caseId === caseId);
    expect(item).toMatchObject({ agreementId: plan.plan.agreements[0]?.id });
    expect((await done(shelter, caseId, item.agreementId)).statusCode).toBe(200);

    // The shelter records a restraining order? No: the police does, and the shelter does not see it.
    const p = (await invite(intake, caseId, police.organisationId, "safety")).json();
    await police.post(`/api/v1/network-partnerships/${p.id}/accept`);
    const father = persons.find((x) => x.role === "alleged-perpetrator")?.id ?? "";
    const order = await police.post(`/api/v1/cases/${caseId}/restraining-orders`, {
      startsOn: "2026-05-01",
      personId: father,
    });
    expect(order.statusCode).toBe(201);
    expect((await police.get(`/api/v1/cases/${caseId}`)).json().restrainingOrders).toHaveLength(1);
    expect((await police.get(`/api/v1/cases/${caseId}`)).json().shelterStays).toEqual([]);
    expect((await shelter.get(`/api/v1/cases/${caseId}`)).json().restrainingOrders).toEqual([]);
    expect((await shelter.post(`/api/v1/restraining-orders/${order.json().id}/extend`)).statusCode).toBe(404);
    expect((await police.post(`/api/v1/shelter-stays/${recorded.json().id}/end`)).statusCode).toBe(404);
    expect((await shelter.post(`/api/v1/shelter-stays/${recorded.json().id}/end`)).statusCode).toBe(200);
  });

  it("keeps stays without a shelter working and refuses a shelter that is none", async () => {
    const { caseId } = await centreCase();
    const persons = (await intake.get(`/api/v1/cases/${caseId}`)).json().persons as { id: string }[];
    const ids = persons.map((p) => p.id).slice(0, 1);
    const unnamed = await stay(caseId, ids);
    expect(unnamed.statusCode).toBe(201);
    expect(unnamed.json().shelterOrganisationId).toBeNull();
    expect((await shelter.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);

    const refused = await stay(caseId, ids, { shelterOrganisationId: police.organisationId });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: "shelterOrganisationId" })]);
    const rows = await t.database.db.select().from(shelterStays).where(eq(shelterStays.caseId, caseId));
    expect(rows).toHaveLength(1);
    expect((await police.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });
});
