import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import type { Principal } from "../access/principal.ts";
import { recordCaseEvent } from "../cases/events.ts";
import type { Db } from "../db/client.ts";
import { caseCrises, cases, restrainingOrders, safetyAssessments, shelterStays } from "../db/schema.ts";
import { AppError } from "../errors.ts";

/**
 * The crisis route: the centre acts at once. It follows an assessment that found acute unsafety
 * (409 otherwise: the acute flag of the case is the assessment's, never a second one); the case
 * is (or goes back to) the safety phase, and asks for a restraining order or a shelter stay until
 * one is recorded.
 */
export async function openCrisis(
  tx: Db,
  principal: Principal,
  input: { caseId: string; reportId: string; at: Date },
): Promise<void> {
  const [assessment] = await tx
    .select({ acute: safetyAssessments.acuteUnsafety })
    .from(safetyAssessments)
    .where(eq(safetyAssessments.reportId, input.reportId))
    .orderBy(desc(safetyAssessments.assessedAt))
    .limit(1);
  if (!assessment?.acute) {
    throw new AppError(
      "CONFLICT",
      "The crisis route follows an assessment that found acute unsafety; re-assess the report first.",
      { type: "crisis-needs-acute-unsafety" },
    );
  }
  await tx.insert(caseCrises).values({
    id: randomUUID(),
    caseId: input.caseId,
    reportId: input.reportId,
    openedAt: input.at,
    openedBy: principal.userId,
    openedByOrganisationId: principal.organisationId,
  });
  const [c] = await tx.select({ phase: cases.phase }).from(cases).where(eq(cases.id, input.caseId));
  if (c && c.phase !== "safety") {
    // Moving back to the safety phase is always allowed (PRODUCT.md 1).
    await tx.update(cases).set({ phase: "safety" }).where(eq(cases.id, input.caseId));
    await recordCaseEvent(tx, input.caseId, principal, "phase-changed", {
      at: input.at,
      reason: "Crisis route at triage",
      details: { from: c.phase, to: "safety" },
    });
  }
  await recordCaseEvent(tx, input.caseId, principal, "crisis-opened", {
    at: input.at,
    details: { reportId: input.reportId },
  });
}

/**
 * The case's crises, each with whether a restraining order or shelter stay answers it: one
 * recorded since the crisis opened, or one running today. (The case page reads the same rule
 * from the history and the measures: src/web/routes/centre-work/crisis-prompt.tsx.)
 */
export async function crisesOf(tx: Db, caseId: string) {
  const crises = await tx
    .select()
    .from(caseCrises)
    .where(eq(caseCrises.caseId, caseId))
    .orderBy(caseCrises.openedAt);
  if (crises.length === 0) {
    return [];
  }
  const result = [];
  for (const crisis of crises) {
    const day = dateInAmsterdam(new Date());
    const [order] = await tx
      .select({ id: restrainingOrders.id })
      .from(restrainingOrders)
      .where(
        and(
          eq(restrainingOrders.caseId, caseId),
          or(
            gte(restrainingOrders.recordedAt, crisis.openedAt),
            and(lte(restrainingOrders.startsOn, day), gte(restrainingOrders.endsOn, day)),
          ),
        ),
      )
      .limit(1);
    const [stay] = order
      ? [order]
      : await tx
          .select({ id: shelterStays.id })
          .from(shelterStays)
          .where(
            and(
              eq(shelterStays.caseId, caseId),
              or(
                gte(shelterStays.recordedAt, crisis.openedAt),
                and(
                  lte(shelterStays.startsOn, day),
                  or(isNull(shelterStays.endedOn), gte(shelterStays.endedOn, day)),
                ),
              ),
            ),
          )
          .limit(1);
    result.push({
      id: crisis.id,
      openedAt: crisis.openedAt.toISOString(),
      measureRecorded: Boolean(order ?? stay),
    });
  }
  return result;
}
