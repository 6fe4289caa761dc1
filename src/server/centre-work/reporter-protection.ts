import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { recordCaseEvent } from "../cases/events.ts";
import type { Db } from "../db/client.ts";
import { reporterProtections, reports } from "../db/schema.ts";
import { notFound } from "../errors.ts";

/** Whether the centre keeps this report's reporter from the family: the newest decision holds. */
export async function reporterProtectionOf(tx: Db, reportId: string) {
  const [row] = await tx
    .select()
    .from(reporterProtections)
    .where(eq(reporterProtections.reportId, reportId))
    .orderBy(desc(reporterProtections.seq))
    .limit(1);
  return {
    reportId,
    protected: row?.protected ?? false,
    reason: row?.reason ?? null,
    decidedAt: row?.decidedAt.toISOString() ?? null,
    decidedBy: row?.decidedBy ?? null,
  };
}

/**
 * Decides whether the reporter's identity is kept from the family, with the reason. Every
 * decision is kept; the case's history records that it was decided (the reason stays with the
 * centre, as the history is shown to every involved organisation).
 */
export async function decideReporterProtection(
  tx: Db,
  principal: Principal,
  reportId: string,
  input: { protected: boolean; reason?: string | undefined },
) {
  const [report] = await tx.select({ caseId: reports.caseId }).from(reports).where(eq(reports.id, reportId));
  if (!report) {
    throw notFound();
  }
  const now = new Date();
  await tx.insert(reporterProtections).values({
    id: randomUUID(),
    reportId,
    protected: input.protected,
    reason: input.protected ? (input.reason ?? null) : input.reason || null,
    decidedBy: principal.userId,
    decidedByOrganisationId: principal.organisationId,
    decidedAt: now,
  });
  if (report.caseId) {
    await recordCaseEvent(tx, report.caseId, principal, "reporter-protection-decided", {
      at: now,
      details: { reportId, protected: input.protected },
    });
  }
  return { ...(await reporterProtectionOf(tx, reportId)), caseId: report.caseId };
}
