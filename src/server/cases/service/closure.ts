import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { addMonths, dateInAmsterdam } from "../../../shared/calendar/working-days.ts";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { cases, followUps, handovers } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordCaseEvent } from "../events.ts";

/** Follow-up moments after closure, in months (DOMAIN.md: monitoring for a year). */
export const followUpMonths = [3, 6, 12] as const;

/**
 * Closes the case with a reason and schedules the follow-ups for the closing organisation. Not
 * while a handover is pending: a family may not fall between two teams at the moment of closure.
 */
export async function closeCase(tx: Db, principal: Principal, caseId: string, reason: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  if (c.status === "closed") {
    throw new AppError("CONFLICT", "The case is already closed.");
  }
  const [pending] = await tx
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.caseId, caseId), eq(handovers.status, "pending")))
    .limit(1);
  if (pending) {
    throw new AppError("CONFLICT", "A handover is pending; it must be accepted or declined before closure.");
  }
  const now = new Date();
  const today = dateInAmsterdam(now);
  await tx
    .update(cases)
    .set({ status: "closed", closedAt: now, closeReason: reason })
    .where(eq(cases.id, caseId));
  const scheduled = followUpMonths.map((months) => ({
    id: randomUUID(),
    caseId,
    organisationId: principal.organisationId,
    monthsAfterClosure: months,
    dueOn: addMonths(today, months),
  }));
  await tx.insert(followUps).values(scheduled);
  await recordCaseEvent(tx, caseId, principal, "case-closed", { at: now, reason });
  return {
    status: "closed" as const,
    followUps: scheduled.map((f) => ({ id: f.id, monthsAfterClosure: f.monthsAfterClosure, dueOn: f.dueOn })),
  };
}

/** Reopens a closed case; its follow-ups that had no outcome yet are cancelled. */
export async function reopenCase(tx: Db, principal: Principal, caseId: string, reason: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  if (c.status !== "closed") {
    throw new AppError("CONFLICT", "The case is open.");
  }
  const now = new Date();
  await tx
    .update(cases)
    .set({ status: "open", closedAt: null, closeReason: null })
    .where(eq(cases.id, caseId));
  await tx
    .update(followUps)
    .set({ cancelledAt: now })
    .where(and(eq(followUps.caseId, caseId), isNull(followUps.outcome), isNull(followUps.cancelledAt)));
  await recordCaseEvent(tx, caseId, principal, "case-reopened", { at: now, reason });
  return { status: "open" as const };
}

export interface FollowUpView {
  id: string;
  caseId: string;
  organisationId: string;
  monthsAfterClosure: number;
  dueOn: string;
  status: "due" | "recorded" | "cancelled";
  overdue: boolean;
  outcome?: "safe" | "concerns" | "new-violence";
  notes?: string;
  recordedAt?: string;
}

export function presentFollowUp(f: typeof followUps.$inferSelect, today: string): FollowUpView {
  const status = f.cancelledAt ? "cancelled" : f.outcome ? "recorded" : "due";
  return {
    id: f.id,
    caseId: f.caseId,
    organisationId: f.organisationId,
    monthsAfterClosure: f.monthsAfterClosure,
    dueOn: f.dueOn,
    status,
    overdue: status === "due" && f.dueOn < today,
    ...(f.outcome ? { outcome: f.outcome as NonNullable<FollowUpView["outcome"]> } : {}),
    ...(f.notes ? { notes: f.notes } : {}),
    ...(f.recordedAt ? { recordedAt: f.recordedAt.toISOString() } : {}),
  };
}

export async function listFollowUps(tx: Db, caseId: string, today: string) {
  const rows = await tx
    .select()
    .from(followUps)
    .where(eq(followUps.caseId, caseId))
    .orderBy(asc(followUps.dueOn));
  return rows.map((f) => presentFollowUp(f, today));
}

export async function followUpById(tx: Db, id: string) {
  const [f] = await tx.select().from(followUps).where(eq(followUps.id, id));
  return f;
}

export async function recordFollowUp(
  tx: Db,
  principal: Principal,
  id: string,
  input: { outcome: "safe" | "concerns" | "new-violence"; notes?: string | undefined },
) {
  const f = await followUpById(tx, id);
  if (!f) {
    throw notFound();
  }
  if (f.organisationId !== principal.organisationId) {
    throw new AppError("FORBIDDEN", "The organisation that closed the case records its follow-ups.");
  }
  if (f.outcome || f.cancelledAt) {
    throw new AppError("CONFLICT", "This follow-up was already recorded or cancelled.");
  }
  const now = new Date();
  await tx
    .update(followUps)
    .set({
      outcome: input.outcome,
      notes: input.notes ?? null,
      recordedBy: principal.userId,
      recordedAt: now,
    })
    .where(eq(followUps.id, id));
  await recordCaseEvent(tx, f.caseId, principal, "follow-up-recorded", {
    at: now,
    details: { followUpId: id, outcome: input.outcome, monthsAfterClosure: f.monthsAfterClosure },
  });
  const [updated] = await tx.select().from(followUps).where(eq(followUps.id, id));
  return presentFollowUp(updated as typeof followUps.$inferSelect, dateInAmsterdam(now));
}
