import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays, dateInAmsterdam } from "../../../shared/calendar/working-days.ts";
import { createTestApp, type TestApp, type TestSession } from "../../test-support/app.ts";
import { createReportAs, handOver, sampleReport } from "../../test-support/reports.ts";

let t: TestApp;
let intake: TestSession;
let police: TestSession;
let shelter: TestSession;
let caseId: string;
let father: string;
let mother: string;
let child: string;

beforeAll(async () => {
  t = await createTestApp();
  intake = await t.login("intake");
  police = await t.login("police");
  shelter = await t.login("shelter");
  const report = await createReportAs(intake, sampleReport());
  const handover = await handOver(intake, report.id, police.organisationId);
  caseId = handover.caseId;
  await police.post(`/api/v1/handovers/${handover.handoverId}/accept`);
  const persons = (await intake.get(`/api/v1/cases/${caseId}`)).json().persons as {
    id: string;
    role: string;
  }[];
  const byRole = (role: string) => persons.find((p) => p.role === role)?.id as string;
  father = byRole("alleged-perpetrator");
  mother = byRole("victim");
  child = byRole("child-witness");
});
afterAll(() => t.close());

describe("restraining orders", () => {
  it("are recorded by the police for ten days, extended to 28 at most, and set the flag", async () => {
    const today = dateInAmsterdam(new Date());
    const onChild = await police.post(`/api/v1/cases/${caseId}/restraining-orders`, {
      startsOn: today,
      personId: child,
    });
    expect(onChild.statusCode).toBe(400);

    const recorded = await police.post(`/api/v1/cases/${caseId}/restraining-orders`, {
      startsOn: today,
      personId: father,
    });
    expect(recorded.statusCode).toBe(201);
    const order = recorded.json();
    expect(order).toMatchObject({ endsOn: addCalendarDays(today, 9), active: true, extended: false });
    expect((await intake.get(`/api/v1/cases/${caseId}`)).json().flags.restrainingOrderActive).toBe(true);

    const tooLong = await police.post(`/api/v1/restraining-orders/${order.id}/extend`, {
      endsOn: addCalendarDays(today, 28),
    });
    expect(tooLong.statusCode).toBe(400);
    const extended = await police.post(`/api/v1/restraining-orders/${order.id}/extend`);
    expect(extended.json()).toMatchObject({ endsOn: addCalendarDays(today, 27), extended: true });
    expect((await police.post(`/api/v1/restraining-orders/${order.id}/extend`)).statusCode).toBe(400);
    // The shelter is not involved in this case: the order does not exist for it.
    expect((await shelter.post(`/api/v1/restraining-orders/${order.id}/extend`)).statusCode).toBe(404);
  });
});

describe("shelter stays", () => {
  it("set the inShelter flag until they end", async () => {
    const started = await intake.post(`/api/v1/cases/${caseId}/shelter-stays`, {
      personIds: [mother, child],
      kind: "crisis",
      startsOn: "2026-11-01",
    });
    expect(started.statusCode).toBe(201);
    const stay = started.json();
    expect(stay).toMatchObject({ active: true, endedOn: null, kind: "crisis" });
    expect((await intake.get(`/api/v1/cases/${caseId}`)).json().flags.inShelter).toBe(true);

    expect(
      (await intake.post(`/api/v1/shelter-stays/${stay.id}/end`, { endedOn: "2026-10-01" })).statusCode,
    ).toBe(400);
    const ended = await intake.post(`/api/v1/shelter-stays/${stay.id}/end`, { endedOn: "2026-11-15" });
    expect(ended.json()).toMatchObject({ active: false, endedOn: "2026-11-15" });
    expect((await intake.post(`/api/v1/shelter-stays/${stay.id}/end`)).statusCode).toBe(409);
    const theCase = (await intake.get(`/api/v1/cases/${caseId}`)).json();
    expect(theCase.flags.inShelter).toBe(false);
    expect(theCase.shelterStays).toHaveLength(1);
    const history = (await intake.get(`/api/v1/cases/${caseId}/history`)).json().items;
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining([
        "restraining-order-recorded",
        "restraining-order-extended",
        "shelter-stay-started",
        "shelter-stay-ended",
      ]),
    );
  });

  it("refuses persons outside the household", async () => {
    const response = await intake.post(`/api/v1/cases/${caseId}/shelter-stays`, {
      personIds: [mother, "6f1d2c1e-0000-4000-8000-000000000000"],
      kind: "crisis",
      startsOn: "2026-11-01",
    });
    expect(response.statusCode).toBe(400);
  });
});
