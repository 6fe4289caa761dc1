import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handovers, notifications } from "../db/schema.ts";
import { createTestApp, type TestApp } from "../test-support/app.ts";
import { createReportAs, handOver, sampleReport } from "../test-support/reports.ts";
import { runDeadlineSweep } from "./scheduler.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the deadline sweep", () => {
  it("notifies an overdue handover to its receiver once, however often it runs", async () => {
    const intake = await t.login("intake");
    const zwolle = await t.login("lt.zwolle");
    const report = await createReportAs(intake, sampleReport());
    const { handoverId } = await handOver(intake, report.id, zwolle.organisationId);
    const { db } = t.database;
    expect(await runDeadlineSweep(db)).toBe(true);
    const overdue = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.handoverId, handoverId), eq(notifications.kind, "handover-overdue")));
    expect(await overdue()).toHaveLength(0);

    await db.update(handovers).set({ dueOn: "2026-01-05" }).where(eq(handovers.id, handoverId));
    await runDeadlineSweep(db);
    await runDeadlineSweep(db);
    const notices = await overdue();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.organisationId).toBe(zwolle.organisationId);
  });
});
