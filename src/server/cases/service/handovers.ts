import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { addWorkingDays, dateInAmsterdam } from "../../../shared/calendar/working-days.ts";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { caseInvolvements, cases, handovers, organisations } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { markHandoverNoticesRead, notify } from "../../notifications/notify.ts";
import { loadCalendar, loadDeadlineSettings } from "../../settings/settings.ts";
import { recordCaseEvent } from "../events.ts";
import { endInvolvement, involve } from "../involvement.ts";
import { scheduleFollowUps } from "./closure.ts";

/** Organisations a case can be handed to: care and safety partners, not the policy side. */
export const handoverKinds = new Set([
  "centre",
  "local-team",
  "mda-team",
  "shelter",
  "child-protection",
  "police",
  "other",
]);

/**
 * Proposes to hand the case (or a part of the work) to another organisation. The receiver may read
 * the case while it decides; the sender stays involved and accountable until it is accepted.
 */
export async function proposeHandover(
  tx: Db,
  principal: Principal,
  caseId: string,
  input: {
    toOrganisationId: string;
    warmHandoverAt?: string | undefined;
    note: string;
    senderPart?: "continues" | "ends" | undefined;
  },
) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  if (c.status !== "open") {
    throw new AppError("CONFLICT", "A closed case cannot be handed over; reopen it first.");
  }
  const [target] = await tx
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.id, input.toOrganisationId), eq(organisations.regionId, c.regionId)));
  if (!target || !handoverKinds.has(target.kind) || target.id === principal.organisationId) {
    throw new AppError("INVALID_INPUT", "The case cannot be handed to that organisation.", {
      errors: [
        { path: "toOrganisationId", message: "not another care or safety organisation of this region" },
      ],
    });
  }
  const [already] = await tx
    .select({ id: handovers.id })
    .from(handovers)
    .where(
      and(
        eq(handovers.caseId, caseId),
        eq(handovers.toOrganisationId, target.id),
        eq(handovers.status, "pending"),
      ),
    );
  if (already) {
    throw new AppError("CONFLICT", "A handover to that organisation is already pending.");
  }
  return startHandover(tx, principal, caseId, target.id, input, new Date());
}

/**
 * Creates a pending handover with its acceptance deadline in working days: the receiver is
 * involved on the ground "pending handover" (it may read the case to decide) and notified.
 */
export async function startHandover(
  tx: Db,
  principal: Principal,
  caseId: string,
  toOrganisationId: string,
  input: { note: string; warmHandoverAt?: string | undefined; senderPart?: "continues" | "ends" | undefined },
  now: Date,
) {
  const settings = await loadDeadlineSettings(tx);
  const calendar = await loadCalendar(tx);
  const id = randomUUID();
  const dueOn = addWorkingDays(dateInAmsterdam(now), settings.handoverAcceptanceWorkingDays, calendar);
  await tx.insert(handovers).values({
    id,
    caseId,
    fromOrganisationId: principal.organisationId,
    toOrganisationId,
    status: "pending",
    note: input.note,
    warmHandoverAt: input.warmHandoverAt ? new Date(input.warmHandoverAt) : null,
    dueOn,
    createdBy: principal.userId,
    createdAt: now,
    senderPart: input.senderPart ?? "continues",
  });
  await involve(tx, caseId, toOrganisationId, "pending-handover", now);
  await notify(tx, toOrganisationId, "handover-received", { caseId, handoverId: id }, now);
  await recordCaseEvent(tx, caseId, principal, "handover-proposed", {
    at: now,
    details: { handoverId: id, toOrganisationId, dueOn, senderPart: input.senderPart ?? "continues" },
  });
  return { id, status: "pending" as const, dueOn };
}

/**
 * The receiving organisation's handover, for a decision. Another organisation that can see the
 * case gets 403; one that cannot, 404.
 */
export async function handoverForDecision(tx: Db, principal: Principal, handoverId: string) {
  const [h] = await tx.select().from(handovers).where(eq(handovers.id, handoverId));
  if (!h) {
    throw notFound();
  }
  if (h.toOrganisationId !== principal.organisationId) {
    const [sees] = await tx
      .select({ id: caseInvolvements.id })
      .from(caseInvolvements)
      .where(
        and(
          eq(caseInvolvements.caseId, h.caseId),
          eq(caseInvolvements.organisationId, principal.organisationId),
          isNull(caseInvolvements.endedAt),
        ),
      )
      .limit(1);
    if (!sees) {
      throw notFound();
    }
    throw new AppError("FORBIDDEN", "Only the receiving organisation decides on a handover.");
  }
  if (h.status !== "pending") {
    throw new AppError("CONFLICT", `The handover was already ${h.status}.`);
  }
  return h;
}

export async function acceptHandover(tx: Db, principal: Principal, handoverId: string) {
  const h = await handoverForDecision(tx, principal, handoverId);
  const now = new Date();
  await tx
    .update(handovers)
    .set({
      status: "accepted",
      decidedBy: principal.userId,
      decidedByOrganisationId: principal.organisationId,
      decidedAt: now,
    })
    .where(eq(handovers.id, handoverId));
  await endInvolvement(tx, h.caseId, principal.organisationId, "pending-handover", now);
  await involve(tx, h.caseId, principal.organisationId, "accepted-handover", now);
  await notify(tx, h.fromOrganisationId, "handover-accepted", { caseId: h.caseId, handoverId }, now);
  const readNotificationIds = await markHandoverNoticesRead(tx, principal, handoverId, now);
  await recordCaseEvent(tx, h.caseId, principal, "handover-accepted", {
    at: now,
    details: {
      handoverId,
      waitingHours: Math.round((now.getTime() - h.createdAt.getTime()) / 36e5),
      senderPart: h.senderPart,
    },
  });
  if (h.senderPart === "ends") {
    await endSenderPart(tx, principal, h, now);
  }
  return { id: handoverId, caseId: h.caseId, status: "accepted" as const, readNotificationIds };
}

/**
 * The sender's part ends on acceptance (decision 0009): its involvement ends, it keeps reading
 * the case only to follow up (ground "follow-up"), its follow-ups at +3, +6 and +12 months are
 * scheduled, and when it directed the case the accepting user takes direction, so the case never
 * has a director outside its organisations.
 */
async function endSenderPart(tx: Db, principal: Principal, h: typeof handovers.$inferSelect, now: Date) {
  const sender = h.fromOrganisationId;
  await tx
    .update(caseInvolvements)
    .set({ endedAt: now })
    .where(
      and(
        eq(caseInvolvements.caseId, h.caseId),
        eq(caseInvolvements.organisationId, sender),
        isNull(caseInvolvements.endedAt),
      ),
    );
  await involve(tx, h.caseId, sender, "follow-up", now);
  const scheduled = await scheduleFollowUps(tx, h.caseId, sender, dateInAmsterdam(now), {
    kind: "handover",
    handoverId: h.id,
  });
  const [c] = await tx
    .select({ directorUserId: cases.directorUserId, directorOrganisationId: cases.directorOrganisationId })
    .from(cases)
    .where(eq(cases.id, h.caseId));
  if (c?.directorOrganisationId === sender) {
    await tx
      .update(cases)
      .set({ directorUserId: principal.userId, directorOrganisationId: principal.organisationId })
      .where(eq(cases.id, h.caseId));
    await recordCaseEvent(tx, h.caseId, principal, "director-changed", {
      at: now,
      details: {
        fromUserId: c.directorUserId,
        fromOrganisationId: c.directorOrganisationId,
        toUserId: principal.userId,
        toOrganisationId: principal.organisationId,
      },
    });
  }
  await recordCaseEvent(tx, h.caseId, null, "sender-part-ended", {
    at: now,
    details: { handoverId: h.id, organisationId: sender, followUpIds: scheduled.map((f) => f.id) },
  });
}

/** A decline ends the receiver's access at once; the sender keeps the case and is told why. */
export async function declineHandover(tx: Db, principal: Principal, handoverId: string, reason: string) {
  const h = await handoverForDecision(tx, principal, handoverId);
  const now = new Date();
  await tx
    .update(handovers)
    .set({
      status: "declined",
      decidedBy: principal.userId,
      decidedByOrganisationId: principal.organisationId,
      decidedAt: now,
      declineReason: reason,
    })
    .where(eq(handovers.id, handoverId));
  await endInvolvement(tx, h.caseId, principal.organisationId, "pending-handover", now);
  await notify(tx, h.fromOrganisationId, "handover-declined", { caseId: h.caseId, handoverId }, now);
  const readNotificationIds = await markHandoverNoticesRead(tx, principal, handoverId, now);
  await recordCaseEvent(tx, h.caseId, principal, "handover-declined", {
    at: now,
    reason,
    details: { handoverId },
  });
  return { id: handoverId, caseId: h.caseId, status: "declined" as const, readNotificationIds };
}
