import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { reportKindChanges, reports } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { deadlinesFor } from "./report-deadlines.ts";

/**
 * Turns an advice request into a report or back (DOMAIN.md 1), with the reason kept. Not after
 * triage: by then the route rests on the kind.
 */
export async function changeReportKind(
  tx: Db,
  reportId: string,
  kind: "advice" | "report",
  reason: string,
  userId: string,
  now = new Date(),
) {
  const [report] = await tx
    .select({
      kind: reports.kind,
      status: reports.status,
      receivedOn: reports.receivedOn,
      acuteConcern: reports.acuteConcern,
    })
    .from(reports)
    .where(eq(reports.id, reportId));
  if (!report) {
    throw new AppError("NOT_FOUND", "The resource does not exist.");
  }
  if (report.kind === kind) {
    throw new AppError("CONFLICT", `It is already ${kind === "advice" ? "an advice request" : "a report"}.`);
  }
  if (report.status === "triaged") {
    throw new AppError("CONFLICT", "A triaged report keeps its kind.");
  }
  await tx.insert(reportKindChanges).values({
    id: randomUUID(),
    reportId,
    fromKind: report.kind,
    toKind: kind,
    reason,
    changedBy: userId,
    changedAt: now,
  });
  // A report has deadlines from its receipt; an advice request none unless configured.
  const deadlines = await deadlinesFor(tx, {
    kind,
    receivedOn: report.receivedOn,
    acuteConcern: report.acuteConcern,
  });
  await tx
    .update(reports)
    .set({
      kind,
      safetyAssessmentDue: deadlines.safetyAssessment,
      triageDue: deadlines.triage,
      updatedAt: now,
    })
    .where(eq(reports.id, reportId));
  return { kind };
}
