import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { NewPartnership } from "../../../shared/network.ts";
import { isCentreOf } from "../../access/policy.ts";
import type { Principal } from "../../access/principal.ts";
import type { Db } from "../../db/client.ts";
import { cases, networkPartnerships, notifications, organisations } from "../../db/schema.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordCaseEvent } from "../events.ts";
import { activeInvolvements, endInvolvement, involve } from "../involvement.ts";
import {
  openPartnershipOf,
  type PartnershipRow,
  partnershipById,
  presentPartnership,
} from "./partnership-queries.ts";

/** Organisations that can join a case's network: care and safety partners, not the policy side. */
export const partnerKinds = new Set([
  "centre",
  "local-team",
  "mda-team",
  "shelter",
  "child-protection",
  "police",
  "other",
]);

export type PartnershipNotice =
  | "network-invited"
  | "network-accepted"
  | "network-declined"
  | "network-ended"
  | "network-joined";

async function notifyPartnership(
  tx: Db,
  organisationId: string,
  kind: PartnershipNotice,
  partnership: { id: string; caseId: string },
  at: Date,
) {
  await tx.insert(notifications).values({
    id: randomUUID(),
    organisationId,
    kind,
    caseId: partnership.caseId,
    partnershipId: partnership.id,
    createdAt: at,
  });
}

async function caseRow(tx: Db, caseId: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!c) {
    throw notFound();
  }
  return c;
}

/** Whether the caller directs the case: its director, or the centre of its region. */
function directs(principal: Principal, c: { directorUserId: string | null; regionId: string }): boolean {
  return c.directorUserId === principal.userId || isCentreOf(principal, c.regionId);
}

/**
 * Invites an organisation into the case's network with a purpose. Only the director or the
 * centre invites; the organisation sees nothing of the case until it accepts, only the invitation.
 */
export async function invitePartner(tx: Db, principal: Principal, caseId: string, input: NewPartnership) {
  const c = await caseRow(tx, caseId);
  if (!directs(principal, c)) {
    throw new AppError("FORBIDDEN", "Only the case director or the centre invites network partners.");
  }
  if (c.status !== "open") {
    throw new AppError("CONFLICT", "The case is closed; reopen it first.");
  }
  const [target] = await tx
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.id, input.organisationId), eq(organisations.regionId, c.regionId)));
  if (!target || !partnerKinds.has(target.kind) || target.id === principal.organisationId) {
    throw new AppError("INVALID_INPUT", "That organisation cannot join this case's network.", {
      errors: [{ path: "organisationId", message: "not another care or safety organisation of this region" }],
    });
  }
  if (await openPartnershipOf(tx, caseId, target.id)) {
    throw new AppError("CONFLICT", "That organisation is already invited or a partner in this case.");
  }
  if ((await activeInvolvements(tx, caseId, target.id)).length > 0) {
    throw new AppError("CONFLICT", "That organisation is already involved in this case.");
  }
  const now = new Date();
  const row: PartnershipRow = {
    id: randomUUID(),
    caseId,
    organisationId: target.id,
    purpose: input.purpose,
    purposeText: input.purposeText ?? "",
    status: "invited",
    invitedBy: principal.userId,
    invitedByOrganisationId: principal.organisationId,
    invitedAt: now,
    decidedBy: null,
    decidedAt: null,
    declineReason: null,
    endedBy: null,
    endedByOrganisationId: null,
    endedAt: null,
    endReason: null,
    shelterStayId: null,
  };
  try {
    await tx.insert(networkPartnerships).values(row);
  } catch (error) {
    // Two invitations at once: the unique index lets one through.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "That organisation is already invited or a partner in this case.");
    }
    throw error;
  }
  await notifyPartnership(tx, target.id, "network-invited", row, now);
  await recordCaseEvent(tx, caseId, principal, "network-partner-invited", {
    at: now,
    details: { partnershipId: row.id, organisationId: target.id, purpose: input.purpose },
  });
  return presentPartnership(row, c.reference);
}

/**
 * The partnership for a decision by the invited organisation: another organisation that can see
 * the case gets 403, one that cannot 404 — as for a handover.
 */
async function invitationForDecision(tx: Db, principal: Principal, id: string) {
  const p = await partnershipById(tx, id);
  if (!p) {
    throw notFound();
  }
  if (p.organisationId !== principal.organisationId) {
    if ((await activeInvolvements(tx, p.caseId, principal.organisationId)).length === 0) {
      throw notFound();
    }
    throw new AppError("FORBIDDEN", "Only the invited organisation decides on an invitation.");
  }
  if (p.status !== "invited") {
    throw new AppError(
      "CONFLICT",
      `The invitation was already ${p.status === "active" ? "accepted" : p.status}.`,
    );
  }
  return p;
}

/** Accepting makes the organisation a network partner: involved, with the partner's view. */
export async function acceptPartnership(tx: Db, principal: Principal, id: string) {
  const p = await invitationForDecision(tx, principal, id);
  const c = await caseRow(tx, p.caseId);
  if (c.status !== "open") {
    throw new AppError("CONFLICT", "The case was closed meanwhile.");
  }
  const now = new Date();
  const updated = { ...p, status: "active", decidedBy: principal.userId, decidedAt: now };
  const decided = await tx
    .update(networkPartnerships)
    .set({ status: "active", decidedBy: principal.userId, decidedAt: now })
    .where(and(eq(networkPartnerships.id, id), eq(networkPartnerships.status, "invited")))
    .returning({ id: networkPartnerships.id });
  if (decided.length === 0) {
    throw new AppError("CONFLICT", "The invitation was decided meanwhile.");
  }
  await involve(tx, p.caseId, p.organisationId, "network-partner", now);
  await notifyPartnership(tx, p.invitedByOrganisationId, "network-accepted", p, now);
  await recordCaseEvent(tx, p.caseId, principal, "network-partner-accepted", {
    at: now,
    details: { partnershipId: id, organisationId: p.organisationId, purpose: p.purpose },
  });
  return presentPartnership(updated, c.reference);
}

/** A declined invitation gives no access; the inviter is told, with the reason. */
export async function declinePartnership(tx: Db, principal: Principal, id: string, reason: string) {
  const p = await invitationForDecision(tx, principal, id);
  const c = await caseRow(tx, p.caseId);
  const now = new Date();
  const updated = {
    ...p,
    status: "declined",
    decidedBy: principal.userId,
    decidedAt: now,
    declineReason: reason,
  };
  const decided = await tx
    .update(networkPartnerships)
    .set({ status: "declined", decidedBy: principal.userId, decidedAt: now, declineReason: reason })
    .where(and(eq(networkPartnerships.id, id), eq(networkPartnerships.status, "invited")))
    .returning({ id: networkPartnerships.id });
  if (decided.length === 0) {
    throw new AppError("CONFLICT", "The invitation was decided meanwhile.");
  }
  await notifyPartnership(tx, p.invitedByOrganisationId, "network-declined", p, now);
  await recordCaseEvent(tx, p.caseId, principal, "network-partner-declined", {
    at: now,
    reason,
    details: { partnershipId: id, organisationId: p.organisationId },
  });
  return presentPartnership(updated, c.reference);
}

/**
 * Ends a partnership when its part is done: the partner itself or the case's director (or the
 * centre) ends it. An open invitation is withdrawn by the director; the invited organisation
 * declines instead. The partner's access ends at once; the history keeps the partnership.
 */
export async function endPartnership(tx: Db, principal: Principal, id: string, reason: string) {
  const p = await partnershipById(tx, id);
  if (!p) {
    throw notFound();
  }
  const c = await caseRow(tx, p.caseId);
  const isPartner = p.organisationId === principal.organisationId;
  const seesCase = (await activeInvolvements(tx, p.caseId, principal.organisationId)).length > 0;
  if (!isPartner && !seesCase) {
    throw notFound();
  }
  const isDirector = seesCase && directs(principal, c);
  if (!isPartner && !isDirector) {
    throw new AppError("FORBIDDEN", "Only the partner or the case director ends a partnership.");
  }
  if (p.status === "invited" && !isDirector) {
    throw new AppError("CONFLICT", "Decline the invitation instead.");
  }
  if (p.status !== "invited" && p.status !== "active") {
    throw new AppError("CONFLICT", `The partnership was already ${p.status}.`);
  }
  const now = new Date();
  const status = p.status === "invited" ? "withdrawn" : "ended";
  const change = {
    status,
    endedBy: principal.userId,
    endedByOrganisationId: principal.organisationId,
    endedAt: now,
    endReason: reason,
  };
  const changed = await tx
    .update(networkPartnerships)
    .set(change)
    .where(and(eq(networkPartnerships.id, id), eq(networkPartnerships.status, p.status)))
    .returning({ id: networkPartnerships.id });
  if (changed.length === 0) {
    throw new AppError("CONFLICT", "The partnership changed meanwhile.");
  }
  if (p.status === "active") {
    await endInvolvement(tx, p.caseId, p.organisationId, "network-partner", now);
  }
  // The other side is told: the partner when the director ends it, the inviter when the partner does.
  const told = isPartner ? p.invitedByOrganisationId : p.organisationId;
  if (told !== principal.organisationId) {
    await notifyPartnership(tx, told, "network-ended", p, now);
  }
  await recordCaseEvent(
    tx,
    p.caseId,
    principal,
    status === "withdrawn" ? "network-partner-withdrawn" : "network-partner-ended",
    {
      at: now,
      reason,
      details: { partnershipId: id, organisationId: p.organisationId },
    },
  );
  return presentPartnership({ ...p, ...change }, c.reference);
}

/**
 * A shelter named on a stay joins the network with the purpose "shelter" at once: it hosts the
 * persons already, so there is nothing to accept (docs/decisions/0013). An organisation already
 * involved keeps its ground; an open invitation is taken as accepted.
 */
export async function joinAsShelter(
  tx: Db,
  principal: Principal,
  caseId: string,
  shelterOrganisationId: string,
  shelterStayId: string,
  now: Date,
): Promise<void> {
  const open = await openPartnershipOf(tx, caseId, shelterOrganisationId);
  if (open?.status === "active") {
    return;
  }
  if (!open && (await activeInvolvements(tx, caseId, shelterOrganisationId)).length > 0) {
    return;
  }
  let partnershipId: string;
  if (open) {
    partnershipId = open.id;
    await tx
      .update(networkPartnerships)
      .set({ status: "active", decidedBy: principal.userId, decidedAt: now, shelterStayId })
      .where(eq(networkPartnerships.id, open.id));
  } else {
    partnershipId = randomUUID();
    await tx.insert(networkPartnerships).values({
      id: partnershipId,
      caseId,
      organisationId: shelterOrganisationId,
      purpose: "shelter",
      purposeText: "",
      status: "active",
      invitedBy: principal.userId,
      invitedByOrganisationId: principal.organisationId,
      invitedAt: now,
      decidedBy: principal.userId,
      decidedAt: now,
      shelterStayId,
    });
  }
  await involve(tx, caseId, shelterOrganisationId, "network-partner", now);
  if (shelterOrganisationId !== principal.organisationId) {
    await notifyPartnership(tx, shelterOrganisationId, "network-joined", { id: partnershipId, caseId }, now);
  }
  await recordCaseEvent(tx, caseId, principal, "network-partner-joined", {
    at: now,
    details: { partnershipId, organisationId: shelterOrganisationId, purpose: "shelter", shelterStayId },
  });
}

/** Checks that the named shelter is an organisation of kind shelter in the case's region. */
export async function requireShelterOfRegion(tx: Db, caseId: string, shelterOrganisationId: string) {
  const [row] = await tx
    .select({ kind: organisations.kind })
    .from(organisations)
    .innerJoin(cases, eq(cases.regionId, organisations.regionId))
    .where(and(eq(cases.id, caseId), eq(organisations.id, shelterOrganisationId)));
  if (row?.kind !== "shelter") {
    throw new AppError("INVALID_INPUT", "The stay names no shelter of this region.", {
      errors: [{ path: "shelterOrganisationId", message: "not a shelter organisation of this region" }],
    });
  }
}

/**
 * Closing a case ends its network: open invitations are withdrawn and active partnerships end, so
 * a partner's access ends with the case (need to know). Each partner is told; the history says why.
 */
export async function endPartnershipsAtClosure(tx: Db, principal: Principal, caseId: string, at: Date) {
  const open = await tx
    .select()
    .from(networkPartnerships)
    .where(
      and(eq(networkPartnerships.caseId, caseId), inArray(networkPartnerships.status, ["invited", "active"])),
    );
  const reason = "The case was closed.";
  for (const p of open) {
    const status = p.status === "invited" ? "withdrawn" : "ended";
    await tx
      .update(networkPartnerships)
      .set({
        status,
        endedBy: principal.userId,
        endedByOrganisationId: principal.organisationId,
        endedAt: at,
        endReason: reason,
      })
      .where(eq(networkPartnerships.id, p.id));
    if (p.status === "active") {
      await endInvolvement(tx, caseId, p.organisationId, "network-partner", at);
    }
    await notifyPartnership(tx, p.organisationId, "network-ended", p, at);
    await recordCaseEvent(
      tx,
      caseId,
      principal,
      status === "withdrawn" ? "network-partner-withdrawn" : "network-partner-ended",
      { at, reason, details: { partnershipId: p.id, organisationId: p.organisationId } },
    );
  }
}
