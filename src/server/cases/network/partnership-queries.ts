import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Partnership } from "../../../shared/network.ts";
import type { Db } from "../../db/client.ts";
import { qualified } from "../../db/qualified.ts";
import { caseInvolvements, cases, networkPartnerships, shelterStays } from "../../db/schema.ts";

export type PartnershipRow = typeof networkPartnerships.$inferSelect;

/** The organisation's open (invited or active) partnership in the case. */
export async function openPartnershipOf(tx: Db, caseId: string, organisationId: string) {
  const [row] = await tx
    .select()
    .from(networkPartnerships)
    .where(
      and(
        eq(networkPartnerships.caseId, caseId),
        eq(networkPartnerships.organisationId, organisationId),
        inArray(networkPartnerships.status, ["invited", "active"]),
      ),
    );
  return row;
}

export async function partnershipById(tx: Db, id: string): Promise<PartnershipRow | undefined> {
  const [row] = await tx.select().from(networkPartnerships).where(eq(networkPartnerships.id, id));
  return row;
}

/** A partnership as the API presents it; `withReasons: false` leaves out others' reasons. */
export function presentPartnership(
  row: PartnershipRow,
  caseReference: string,
  withReasons = true,
): Partnership {
  return {
    id: row.id,
    caseId: row.caseId,
    caseReference,
    organisationId: row.organisationId,
    purpose: row.purpose as Partnership["purpose"],
    purposeText: row.purposeText,
    status: row.status as Partnership["status"],
    invitedByOrganisationId: row.invitedByOrganisationId,
    invitedAt: row.invitedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    declineReason: withReasons ? row.declineReason : null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: withReasons ? row.endReason : null,
    viaShelterStay: row.shelterStayId !== null,
  };
}

/** Every partnership of the case, open ones first, newest first. */
export async function partnershipsOfCase(tx: Db, caseId: string) {
  const rows = await tx
    .select({ p: networkPartnerships, caseReference: cases.reference })
    .from(networkPartnerships)
    .innerJoin(cases, eq(cases.id, networkPartnerships.caseId))
    .where(eq(networkPartnerships.caseId, caseId))
    .orderBy(
      sql`${qualified(networkPartnerships.status)} NOT IN ('invited', 'active')`,
      desc(networkPartnerships.invitedAt),
    );
  return rows;
}

/**
 * The caller's organisation's partnerships with the given status, across cases, oldest first.
 * An invitation shows only itself: the case's reference, the purpose and who invited.
 */
export async function partnershipsOfOrganisation(
  tx: Db,
  organisationId: string,
  status: "invited" | "active",
  limit: number,
) {
  return tx
    .select({ p: networkPartnerships, caseReference: cases.reference })
    .from(networkPartnerships)
    .innerJoin(cases, eq(cases.id, networkPartnerships.caseId))
    .where(
      and(eq(networkPartnerships.organisationId, organisationId), eq(networkPartnerships.status, status)),
    )
    .orderBy(asc(networkPartnerships.invitedAt), asc(networkPartnerships.id))
    .limit(limit);
}

/** Stays hosted by the organisation that have not ended, in open cases it is still involved in. */
export async function runningStaysAt(tx: Db, organisationId: string, limit: number) {
  const rows = await tx
    .select({ s: shelterStays, caseReference: cases.reference })
    .from(shelterStays)
    .innerJoin(cases, eq(cases.id, shelterStays.caseId))
    .where(
      and(
        eq(shelterStays.shelterOrganisationId, organisationId),
        isNull(shelterStays.endedOn),
        eq(cases.status, "open"),
        sql`exists (select 1 from ${caseInvolvements}
          where ${qualified(caseInvolvements.caseId)} = ${qualified(shelterStays.caseId)}
            and ${qualified(caseInvolvements.organisationId)} = ${organisationId}
            and ${qualified(caseInvolvements.endedAt)} is null
            and ${qualified(caseInvolvements.ground)} <> 'pending-handover')`,
      ),
    )
    .orderBy(asc(shelterStays.startsOn), asc(shelterStays.id))
    .limit(limit);
  return rows.map(({ s, caseReference }) => ({
    id: s.id,
    caseId: s.caseId,
    caseReference,
    kind: s.kind as "crisis" | "follow-on" | "other",
    startsOn: s.startsOn,
    personCount: s.personIds.length,
  }));
}
