import { randomUUID } from "node:crypto";
import { type AnyColumn, and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { PartnerPurpose } from "../../shared/network.ts";
import type { Db } from "../db/client.ts";
import { qualified } from "../db/qualified.ts";
import { caseInvolvements, networkPartnerships } from "../db/schema.ts";

export type InvolvementGround =
  | "triage"
  | "direction"
  | "pending-handover"
  | "accepted-handover"
  | "network-partner"
  | "mda"
  // The sender of a handover that ended its part, reading the case to follow up (not working on it).
  | "follow-up";

/**
 * SQL: the organisation is involved now in the case the column names. Every list of what belongs
 * to cases filters on it, so an involvement that ended or was declined stops lists as it stops
 * reads.
 */
export const involvedNowIn = (caseIdColumn: AnyColumn, organisationId: string): SQL =>
  sql`exists (select 1 from ${caseInvolvements}
    where ${qualified(caseInvolvements.caseId)} = ${qualified(caseIdColumn)}
      and ${qualified(caseInvolvements.organisationId)} = ${organisationId}
      and ${qualified(caseInvolvements.endedAt)} is null)`;

const isActiveInvolvement = (caseId: string, organisationId: string): SQL | undefined =>
  and(
    eq(caseInvolvements.caseId, caseId),
    eq(caseInvolvements.organisationId, organisationId),
    isNull(caseInvolvements.endedAt),
  );

/** The organisation's involvements in the case that have not ended, the oldest first. */
export function activeInvolvements(tx: Db, caseId: string, organisationId: string) {
  return tx
    .select({ ground: caseInvolvements.ground, startedAt: caseInvolvements.startedAt })
    .from(caseInvolvements)
    .where(isActiveInvolvement(caseId, organisationId))
    .orderBy(caseInvolvements.startedAt);
}

/**
 * The organisation's active involvements in the case, the oldest first, and its accepted
 * partnership there (which a network-partner ground names): what the access policy decides on,
 * in one statement.
 */
export async function involvementsWithPartnership(tx: Db, caseId: string, organisationId: string) {
  const rows = await tx
    .select({
      ground: caseInvolvements.ground,
      startedAt: caseInvolvements.startedAt,
      partnership: sql<{ id: string; purpose: PartnerPurpose } | null>`(select json_build_object(
          'id', ${qualified(networkPartnerships.id)}, 'purpose', ${qualified(networkPartnerships.purpose)})
        from ${networkPartnerships}
        where ${qualified(networkPartnerships.caseId)} = ${qualified(caseInvolvements.caseId)}
          and ${qualified(networkPartnerships.organisationId)} = ${qualified(caseInvolvements.organisationId)}
          and ${qualified(networkPartnerships.status)} = 'active'
        limit 1)`,
    })
    .from(caseInvolvements)
    .where(isActiveInvolvement(caseId, organisationId))
    .orderBy(caseInvolvements.startedAt);
  const partnership = rows.find((r) => r.partnership)?.partnership ?? undefined;
  return {
    involvements: rows.map(({ ground, startedAt }) => ({ ground, startedAt })),
    partnership,
  };
}

/** Adds an organisation's involvement on a ground unless it already has one that is active. */
export async function involve(
  tx: Db,
  caseId: string,
  organisationId: string,
  ground: InvolvementGround,
  now: Date,
): Promise<void> {
  const active = await activeInvolvements(tx, caseId, organisationId);
  if (!active.some((i) => i.ground === ground)) {
    await tx
      .insert(caseInvolvements)
      .values({ id: randomUUID(), caseId, organisationId, ground, startedAt: now });
  }
}

/** Ends the organisation's active involvement on this ground (its other grounds stay). */
export async function endInvolvement(
  tx: Db,
  caseId: string,
  organisationId: string,
  ground: string,
  at: Date,
) {
  await tx
    .update(caseInvolvements)
    .set({ endedAt: at })
    .where(
      and(
        eq(caseInvolvements.caseId, caseId),
        eq(caseInvolvements.organisationId, organisationId),
        eq(caseInvolvements.ground, ground),
        isNull(caseInvolvements.endedAt),
      ),
    );
}
