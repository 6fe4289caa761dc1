import { and, eq } from "drizzle-orm";
import { recordCaseEvent } from "../../cases/events.ts";
import type { Db } from "../../db/client.ts";
import { casePersons, cases, reportPersons, reports } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { isRecurrence } from "../earlier-involvement.ts";

/**
 * Links a report to an existing case of the same region: its persons join the household, and a
 * report on a case closed less than 12 months ago counts as recurrence.
 */
export async function linkReportToCase(tx: Db, reportId: string, caseId: string, now = new Date()) {
  const [report] = await tx
    .select({ regionId: reports.regionId, caseId: reports.caseId })
    .from(reports)
    .where(eq(reports.id, reportId));
  const [target] = await tx
    .select({ id: cases.id, status: cases.status, closedAt: cases.closedAt })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.regionId, report?.regionId ?? "")));
  if (!report || !target) {
    // The centre's radar covers its own region only: another region's case does not exist here.
    throw new AppError("INVALID_INPUT", "There is no such case in this region.", {
      errors: [{ path: "caseId", message: "not a case of this region" }],
    });
  }
  if (report.caseId && report.caseId !== caseId) {
    throw new AppError("CONFLICT", "The report already belongs to another case.");
  }
  const recurrence = isRecurrence(target.closedAt, now);
  await tx.update(reports).set({ caseId, recurrence, updatedAt: now }).where(eq(reports.id, reportId));
  const persons = await tx
    .select({ personId: reportPersons.personId, role: reportPersons.role })
    .from(reportPersons)
    .where(eq(reportPersons.reportId, reportId));
  if (persons.length > 0) {
    await tx
      .insert(casePersons)
      .values(persons.map((p) => ({ caseId, personId: p.personId, role: p.role, addedAt: now })))
      .onConflictDoNothing();
  }
  await recordCaseEvent(tx, caseId, null, "report-linked", { at: now, details: { reportId, recurrence } });
  return {
    caseId,
    recurrence,
    caseStatus: target.status as "open" | "closed",
    personIds: persons.map((p) => p.personId),
  };
}
