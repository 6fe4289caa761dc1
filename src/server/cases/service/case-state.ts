import { randomUUID } from "node:crypto";
import { desc, eq, or } from "drizzle-orm";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { cases, organisations, reports, safetyAssessments, users } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordCaseEvent } from "../events.ts";
import { activeInvolvements } from "../involvement.ts";
import { type Phase, phaseBlockers } from "../safety-plan/phase-guard.ts";
import { currentPlan } from "../safety-plan/plan-store.ts";
import { recordHelp } from "./person-help.ts";

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
  if (to === "local" && !(c.directorOrganisationId && (await isLocalTeam(tx, c.directorOrganisationId)))) {
    throw localNeedsLocalDirector();
  }
  await tx.update(cases).set({ direction: to }).where(eq(cases.id, caseId));
  await recordCaseEvent(tx, caseId, principal, "direction-changed", {
    reason,
    details: { from: c.direction, to },
  });
  return { direction: to };
}

async function isLocalTeam(tx: Db, organisationId: string): Promise<boolean> {
  const [org] = await tx
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return org?.kind === "local-team";
}

/** Local direction means a local team directs: not the centre, the MDA++ team or a partner. */
const localNeedsLocalDirector = () =>
  new AppError(
    "CONFLICT",
    "Direction can only be local while the case director belongs to a local team; make a local team's worker director first.",
    { type: "local-direction-needs-local-director" },
  );

/** Exactly one director at a time: a user of an organisation involved (not merely deciding on a handover). */
export async function changeDirector(tx: Db, principal: Principal, caseId: string, userId: string) {
  const c = await loadOpenCase(tx, caseId);
  const [user] = await tx
    .select({ id: users.id, organisationId: users.organisationId, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  const involved = user
    ? (await activeInvolvements(tx, caseId, user.organisationId)).some(
        (i) => i.ground !== "pending-handover" && i.ground !== "follow-up",
      )
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
  if (c.direction === "local" && !(await isLocalTeam(tx, user.organisationId))) {
    throw localNeedsLocalDirector();
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

/**
 * API.md's help-offered: help offered to a person, kept as a help record (kind "other", given by
 * the recording organisation) so that both endpoints feed one model.
 */
export async function recordHelpOffered(
  tx: Db,
  principal: Principal,
  caseId: string,
  personId: string,
  input: { date: string; description: string },
) {
  const record = await recordHelp(tx, principal, caseId, personId, {
    kind: "other",
    description: input.description,
    providerOrganisationId: principal.organisationId,
    offeredOn: input.date,
  });
  return { id: record.id, personId, date: input.date };
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
