import { randomUUID } from "node:crypto";
import { and, desc, eq, or } from "drizzle-orm";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { casePersons, cases, helpOffered, reports, safetyAssessments, users } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordCaseEvent } from "../events.ts";
import { activeInvolvements } from "../involvement.ts";
import { type Phase, phaseBlockers } from "../safety-plan/phase-guard.ts";
import { currentPlan } from "../safety-plan/plan-store.ts";

async function loadOpenCase(tx: Db, caseId: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  if (c.status !== "open") {
    throw new AppError("CONFLICT", "The case is closed; reopen it first.");
  }
  return c;
}

/** Whether the latest safety assessment of the case (its reports' included) found acute unsafety. */
export async function acuteUnsafetyOpen(tx: Db, caseId: string): Promise<boolean> {
  const [latest] = await tx
    .select({ acute: safetyAssessments.acuteUnsafety })
    .from(safetyAssessments)
    .leftJoin(reports, eq(reports.id, safetyAssessments.reportId))
    .where(or(eq(safetyAssessments.caseId, caseId), eq(reports.caseId, caseId)))
    .orderBy(desc(safetyAssessments.assessedAt))
    .limit(1);
  return latest?.acute ?? false;
}

const blockerText: Record<string, string> = {
  "acute-unsafety-open": "the latest safety assessment found acute unsafety",
  "no-safety-condition": "the safety plan has no safety condition",
  "safety-conditions-unmet": "not every safety condition of the plan is met",
};

export async function changePhase(tx: Db, principal: Principal, caseId: string, to: Phase, reason: string) {
  const c = await loadOpenCase(tx, caseId);
  const from = c.phase as Phase;
  if (from === to) {
    throw new AppError("CONFLICT", `The case is already in the phase ${to}.`);
  }
  const { plan } = await currentPlan(tx, caseId);
  const blockers = phaseBlockers(from, to, plan, await acuteUnsafetyOpen(tx, caseId));
  if (blockers.length > 0) {
    throw new AppError(
      "CONFLICT",
      `The case cannot leave the safety phase: ${blockers.map((b) => blockerText[b]).join("; ")}.`,
      { type: "phase-guard", errors: blockers.map((b) => ({ path: "phase", message: b })) },
    );
  }
  await tx.update(cases).set({ phase: to }).where(eq(cases.id, caseId));
  await recordCaseEvent(tx, caseId, principal, "phase-changed", { reason, details: { from, to } });
  return { phase: to };
}

export async function changeDirection(
  tx: Db,
  principal: Principal,
  caseId: string,
  to: "local" | "regional",
  reason: string,
) {
  const c = await loadOpenCase(tx, caseId);
  if (c.direction === to) {
    throw new AppError("CONFLICT", `The case is already directed ${to}ly.`);
  }
  await tx.update(cases).set({ direction: to }).where(eq(cases.id, caseId));
  await recordCaseEvent(tx, caseId, principal, "direction-changed", {
    reason,
    details: { from: c.direction, to },
  });
  return { direction: to };
}

/** Exactly one director at a time: a user of an organisation involved (not merely deciding on a handover). */
export async function changeDirector(tx: Db, principal: Principal, caseId: string, userId: string) {
  const c = await loadOpenCase(tx, caseId);
  const [user] = await tx
    .select({ id: users.id, organisationId: users.organisationId, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  const involved = user
    ? (await activeInvolvements(tx, caseId, user.organisationId)).some((i) => i.ground !== "pending-handover")
    : false;
  if (!user?.active || !involved) {
    throw new AppError(
      "INVALID_INPUT",
      "The director must be a user of an organisation involved in the case.",
      {
        errors: [{ path: "userId", message: "not a user of an involved organisation" }],
      },
    );
  }
  if (c.directorUserId === userId) {
    throw new AppError("CONFLICT", "This user already directs the case.");
  }
  await tx
    .update(cases)
    .set({ directorUserId: user.id, directorOrganisationId: user.organisationId })
    .where(eq(cases.id, caseId));
  await recordCaseEvent(tx, caseId, principal, "director-changed", {
    details: {
      fromUserId: c.directorUserId,
      fromOrganisationId: c.directorOrganisationId,
      toUserId: user.id,
      toOrganisationId: user.organisationId,
    },
  });
  return { director: { userId: user.id, organisationId: user.organisationId } };
}

export async function recordHelpOffered(
  tx: Db,
  principal: Principal,
  caseId: string,
  personId: string,
  input: { date: string; description: string },
) {
  await loadOpenCase(tx, caseId);
  const [member] = await tx
    .select({ personId: casePersons.personId })
    .from(casePersons)
    .where(and(eq(casePersons.caseId, caseId), eq(casePersons.personId, personId)));
  if (!member) {
    throw notFound();
  }
  const id = randomUUID();
  const now = new Date();
  await tx.insert(helpOffered).values({
    id,
    caseId,
    personId,
    offeredOn: input.date,
    description: input.description,
    recordedBy: principal.userId,
    recordedByOrganisationId: principal.organisationId,
    recordedAt: now,
  });
  await recordCaseEvent(tx, caseId, principal, "help-offered", { at: now, details: { personId } });
  return { id, personId, date: input.date };
}

/** A re-assessment within the case; the latest one sets the case's acute-unsafety flag. */
export async function reassessSafety(
  tx: Db,
  principal: Principal,
  caseId: string,
  input: { acuteUnsafety: boolean; structuralUnsafety: boolean; notes?: string | undefined },
) {
  await loadOpenCase(tx, caseId);
  const id = randomUUID();
  const assessedAt = new Date();
  await tx.insert(safetyAssessments).values({
    id,
    caseId,
    acuteUnsafety: input.acuteUnsafety,
    structuralUnsafety: input.structuralUnsafety,
    immediateMeasures: [],
    notes: input.notes ?? null,
    assessedBy: principal.userId,
    assessedByOrganisationId: principal.organisationId,
    assessedAt,
  });
  await recordCaseEvent(tx, caseId, principal, "safety-assessed", {
    at: assessedAt,
    details: { acuteUnsafety: input.acuteUnsafety, structuralUnsafety: input.structuralUnsafety },
  });
  return { id, assessedAt: assessedAt.toISOString(), ...input };
}
