import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { reportMatches, reports } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { reclassifyEarlierInvolvement } from "./create-report.ts";
import { resolveReportPerson } from "./resolve-person.ts";

/**
 * A human's verdict on a candidate. Confirming makes the report's person the known person (the
 * new record is merged into it, so the next report finds one identity) and reclassifies the
 * report's earlier involvement; dismissing only records the verdict.
 */
export async function decideMatch(
  tx: Db,
  reportId: string,
  matchId: string,
  decision: "confirmed" | "dismissed",
  userId: string,
  now = new Date(),
) {
  const [match] = await tx
    .select()
    .from(reportMatches)
    .where(and(eq(reportMatches.id, matchId), eq(reportMatches.reportId, reportId)));
  if (!match) {
    throw notFound();
  }
  const [report] = await tx.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
  if (report?.status === "triaged") {
    // The household of a triaged report is in its case: a later verdict would not reach it.
    throw new AppError("CONFLICT", "The report has been triaged; its persons are decided.");
  }
  if (match.status !== "proposed") {
    throw new AppError("CONFLICT", `This match was already ${match.status}.`);
  }
  if (decision === "confirmed") {
    const [other] = await tx
      .select({ id: reportMatches.id })
      .from(reportMatches)
      .where(
        and(
          eq(reportMatches.reportId, reportId),
          eq(reportMatches.personKey, match.personKey),
          eq(reportMatches.status, "confirmed"),
        ),
      )
      .limit(1);
    if (other) {
      throw new AppError(
        "CONFLICT",
        "Another known person was already confirmed for this person of the report.",
      );
    }
  }
  await tx
    .update(reportMatches)
    .set({ status: decision, decidedBy: userId, decidedAt: now })
    .where(eq(reportMatches.id, matchId));
  const own =
    decision === "confirmed"
      ? await resolveReportPerson(tx, reportId, match.personKey, match.candidatePersonId)
      : undefined;
  const earlierInvolvement = await reclassifyEarlierInvolvement(tx, reportId, now);
  return {
    earlierInvolvement,
    personIds: [match.candidatePersonId, ...(own ? [own.personId, own.reportedPersonId] : [])],
    caseId: match.caseId,
  };
}
