import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { addCalendarDays, addMonths, dateInAmsterdam } from "../../../shared/calendar/working-days.ts";
import type { CloseCaseInput } from "../../../shared/closure.ts";
import { type MinorAnswer, minorStatus } from "../../../shared/minors.ts";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import {
  caseInvolvements,
  casePersons,
  cases,
  followUps,
  handovers,
  personHelp,
  persons,
  restrainingOrders,
  shelterStays,
} from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { notify } from "../../notifications/notify.ts";
import { recordCaseEvent } from "../events.ts";
import { isActiveOn } from "../measures/restraining-order-period.ts";
import { endPartnershipsAtClosure } from "../network/partnerships.ts";
import { currentPlan } from "../safety-plan/plan-store.ts";
import { acuteUnsafetyOpen } from "./case-state.ts";
import { type ClosureState, closureBlockers, decideClosure } from "./closure-check.ts";

/** Follow-up moments after closure, in months (DOMAIN.md: monitoring for a year). */
export const followUpMonths = [3, 6, 12] as const;
/** An outcome can be recorded from two weeks before the due date. */
export const followUpOpensDaysBefore = 14;

/** What stands in the way of closing the case now (read from the case, for the pure check). */
export async function closureStateOf(tx: Db, caseId: string, today: string): Promise<ClosureState> {
  const orders = await tx.select().from(restrainingOrders).where(eq(restrainingOrders.caseId, caseId));
  const stays = await tx
    .select({ id: shelterStays.id })
    .from(shelterStays)
    .where(and(eq(shelterStays.caseId, caseId), isNull(shelterStays.endedOn)));
  const household = await tx
    .select({ id: persons.id, birthDate: persons.birthDate, minor: persons.minor })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(eq(casePersons.caseId, caseId))
    .orderBy(asc(persons.id));
  const helped = await tx
    .select({ personId: personHelp.personId })
    .from(personHelp)
    .where(and(eq(personHelp.caseId, caseId), isNull(personHelp.withdrawnAt)));
  const helpedIds = new Set(helped.map((h) => h.personId));
  const pending = await tx
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.caseId, caseId), eq(handovers.status, "pending")))
    .orderBy(asc(handovers.createdAt));
  const { plan } = await currentPlan(tx, caseId);
  return {
    acuteUnsafety: await acuteUnsafetyOpen(tx, caseId),
    // A running order, and one imposed for a day still to come: neither has ended.
    activeRestrainingOrderIds: orders
      .filter((o) => o.liftedAt === null && (isActiveOn(o, today) || o.startsOn > today))
      .map((o) => o.id),
    openShelterStayIds: stays.map((s) => s.id),
    minorsWithoutHelpIds: household
      .filter((p) => minorStatus({ birthDate: p.birthDate, minor: p.minor as MinorAnswer }, today) === "yes")
      .filter((p) => !helpedIds.has(p.id))
      .map((p) => p.id),
    openAgreementIds: plan.agreements.flatMap((a) => (a.status === "open" && a.id ? [a.id] : [])),
    pendingHandoverIds: pending.map((h) => h.id),
  };
}

/** Schedules the follow-ups at +3, +6 and +12 months for the owner organisation. */
export async function scheduleFollowUps(
  tx: Db,
  caseId: string,
  organisationId: string,
  from: string,
  trigger: { kind: "closure" } | { kind: "handover"; handoverId: string },
) {
  const scheduled = followUpMonths.map((months) => ({
    id: randomUUID(),
    caseId,
    organisationId,
    monthsAfterClosure: months,
    dueOn: addMonths(from, months),
    trigger: trigger.kind,
    handoverId: trigger.kind === "handover" ? trigger.handoverId : null,
  }));
  await tx.insert(followUps).values(scheduled);
  return scheduled.map((f) => ({ id: f.id, monthsAfterClosure: f.monthsAfterClosure, dueOn: f.dueOn }));
}

/**
 * Closes the case with a reason and schedules the follow-ups for the closing organisation.
 * Refused (409, every reason listed) while acute unsafety is open, a restraining order runs or a
 * shelter stay is open — never overridable — and while a minor has no help, an agreement of the
 * plan is open or a handover is pending, unless the case director gives a reason per item.
 */
export async function closeCase(tx: Db, principal: Principal, caseId: string, input: CloseCaseInput) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!c) {
    throw notFound();
  }
  if (c.status === "closed") {
    throw new AppError("CONFLICT", "The case is already closed.");
  }
  const now = new Date();
  const today = dateInAmsterdam(now);
  const blockers = closureBlockers(await closureStateOf(tx, caseId, today));
  const decision = decideClosure(blockers, input.overrides ?? [], c.directorUserId === principal.userId);
  if (decision.kind === "unknown-override") {
    throw new AppError("INVALID_INPUT", "A reason was given for an item that does not stand in the way.", {
      errors: decision.indexes.map((i) => ({
        path: `overrides.${i}`,
        message: "not an open item of this case",
      })),
    });
  }
  if (decision.kind === "not-director") {
    throw new AppError("FORBIDDEN", "Only the case director may close the case despite open items.");
  }
  if (decision.kind === "refused") {
    throw new AppError(
      "CONFLICT",
      `The case cannot be closed yet: ${decision.blockers.length} reason${decision.blockers.length === 1 ? "" : "s"}.`,
      {
        type: "closure-blocked",
        errors: decision.blockers.map((b) => ({ path: b.code, message: b.message })),
        extensions: { reasons: decision.blockers },
      },
    );
  }
  await tx
    .update(cases)
    .set({ status: "closed", closedAt: now, closeReason: input.reason })
    .where(eq(cases.id, caseId));
  for (const override of decision.overridden) {
    await recordCaseEvent(tx, caseId, principal, "closure-override", {
      at: now,
      reason: override.reason,
      details: { code: override.code, ...(override.itemId ? { itemId: override.itemId } : {}) },
    });
  }
  await endPartnershipsAtClosure(tx, principal, caseId, now);
  const scheduled = await scheduleFollowUps(tx, caseId, principal.organisationId, today, { kind: "closure" });
  await recordCaseEvent(tx, caseId, principal, "case-closed", {
    at: now,
    reason: input.reason,
    details: { overridden: decision.overridden.length },
  });
  return { status: "closed" as const, followUps: scheduled };
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
    .where(
      and(
        eq(followUps.caseId, caseId),
        eq(followUps.trigger, "closure"),
        isNull(followUps.outcome),
        isNull(followUps.cancelledAt),
      ),
    );
  await recordCaseEvent(tx, caseId, principal, "case-reopened", { at: now, reason });
  return { status: "open" as const };
}

export interface FollowUpView {
  id: string;
  caseId: string;
  organisationId: string;
  monthsAfterClosure: number;
  dueOn: string;
  opensOn: string;
  trigger: "closure" | "handover";
  status: "due" | "recorded" | "cancelled";
  overdue: boolean;
  outcome?: "safe" | "concerns" | "new-violence";
  notes?: string;
  recordedAt?: string;
}

export const opensOnOf = (dueOn: string): string => addCalendarDays(dueOn, -followUpOpensDaysBefore);

export function presentFollowUp(f: typeof followUps.$inferSelect, today: string): FollowUpView {
  const status = f.cancelledAt ? "cancelled" : f.outcome ? "recorded" : "due";
  return {
    id: f.id,
    caseId: f.caseId,
    organisationId: f.organisationId,
    monthsAfterClosure: f.monthsAfterClosure,
    dueOn: f.dueOn,
    opensOn: opensOnOf(f.dueOn),
    trigger: f.trigger as FollowUpView["trigger"],
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
    .orderBy(asc(followUps.dueOn), asc(followUps.organisationId));
  return rows.map((f) => presentFollowUp(f, today));
}

export async function followUpById(tx: Db, id: string) {
  const [f] = await tx.select().from(followUps).where(eq(followUps.id, id));
  return f;
}

/**
 * Records the outcome of a follow-up: the owner organisation, from two weeks before the due date
 * (earlier: 409 with the day it opens). "New violence" notifies every organisation of the case.
 */
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
    throw new AppError("FORBIDDEN", "The organisation that owns the follow-up records it.");
  }
  if (f.outcome || f.cancelledAt) {
    throw new AppError("CONFLICT", "This follow-up was already recorded or cancelled.");
  }
  const now = new Date();
  const today = dateInAmsterdam(now);
  const opensOn = opensOnOf(f.dueOn);
  if (today < opensOn) {
    throw new AppError("CONFLICT", `This follow-up can be recorded from ${opensOn}.`, {
      type: "follow-up-not-yet-open",
      extensions: { opensOn },
    });
  }
  const updated = await tx
    .update(followUps)
    .set({
      outcome: input.outcome,
      notes: input.notes ?? null,
      recordedBy: principal.userId,
      recordedAt: now,
    })
    .where(and(eq(followUps.id, id), isNull(followUps.outcome), isNull(followUps.cancelledAt)))
    .returning({ id: followUps.id });
  if (updated.length === 0) {
    throw new AppError("CONFLICT", "This follow-up was already recorded or cancelled.");
  }
  await recordCaseEvent(tx, f.caseId, principal, "follow-up-recorded", {
    at: now,
    details: { followUpId: id, outcome: input.outcome, monthsAfterClosure: f.monthsAfterClosure },
  });
  if (input.outcome === "new-violence") {
    const involved = await tx
      .selectDistinct({ organisationId: caseInvolvements.organisationId })
      .from(caseInvolvements)
      .where(and(eq(caseInvolvements.caseId, f.caseId), isNull(caseInvolvements.endedAt)));
    for (const { organisationId } of involved) {
      await notify(tx, organisationId, "follow-up-new-violence", { caseId: f.caseId, followUpId: id }, now);
    }
  }
  if (f.trigger === "handover") {
    await endFollowUpInvolvementWhenDone(tx, f.caseId, f.organisationId, now);
  }
  const [row] = await tx.select().from(followUps).where(eq(followUps.id, id));
  return presentFollowUp(row as typeof followUps.$inferSelect, today);
}

/** A sender that follows up after its part ended sees the case until its last follow-up is in. */
async function endFollowUpInvolvementWhenDone(tx: Db, caseId: string, organisationId: string, at: Date) {
  const open = await tx
    .select({ id: followUps.id })
    .from(followUps)
    .where(
      and(
        eq(followUps.caseId, caseId),
        eq(followUps.organisationId, organisationId),
        inArray(followUps.trigger, ["handover"]),
        isNull(followUps.outcome),
        isNull(followUps.cancelledAt),
      ),
    )
    .limit(1);
  if (open.length === 0) {
    await tx
      .update(caseInvolvements)
      .set({ endedAt: at })
      .where(
        and(
          eq(caseInvolvements.caseId, caseId),
          eq(caseInvolvements.organisationId, organisationId),
          eq(caseInvolvements.ground, "follow-up"),
          isNull(caseInvolvements.endedAt),
        ),
      );
  }
}
