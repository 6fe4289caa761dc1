import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Db } from "../db/client.ts";
import { qualified } from "../db/qualified.ts";
import {
  caseEvents,
  caseInvolvements,
  cases,
  followUps,
  notifications,
  organisations,
  users,
} from "../db/schema.ts";
import { involvedNowIn } from "./involvement.ts";
import { presentFollowUp } from "./service/closure.ts";

/** Every change to the case, oldest first, with the names of who and which organisation. */
export async function caseHistory(tx: Db, caseId: string) {
  const rows = await tx
    .select({
      e: caseEvents,
      userName: users.displayName,
      organisationName: organisations.name,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.userId))
    .leftJoin(organisations, eq(organisations.id, caseEvents.organisationId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.seq));
  return rows.map(({ e, userName, organisationName }) => ({
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind,
    userId: e.userId,
    userName,
    organisationId: e.organisationId,
    organisationName,
    ...(e.reason ? { reason: e.reason } : {}),
    details: e.details as Record<string, unknown>,
  }));
}

interface AgreementRow {
  case_id: string;
  case_reference: string;
  agreement_id: string;
  text: string;
  due_on: string | null;
  status: string;
  owner_user_id: string | null;
}

/**
 * The open agreements owned by the caller's organisation across the cases it is involved in, from
 * each case's newest plan version, overdue first. Filtered in SQL, never after loading.
 */
export async function openAgreementsOf(tx: Db, principal: Principal, limit: number) {
  const result = await tx.execute(sql`
    WITH latest AS (
      SELECT DISTINCT ON (v.case_id) v.case_id, v.plan
      FROM safety_plan_versions v
      WHERE EXISTS (SELECT 1 FROM case_involvements i
                    WHERE i.case_id = v.case_id AND i.organisation_id = ${principal.organisationId}
                      AND i.ended_at IS NULL AND i.ground <> 'pending-handover')
      ORDER BY v.case_id, v.version DESC
    )
    SELECT l.case_id, c.reference AS case_reference, a->>'id' AS agreement_id, a->>'text' AS text,
           a->>'dueOn' AS due_on, a->>'status' AS status, a->>'ownerUserId' AS owner_user_id
    FROM latest l
    JOIN cases c ON c.id = l.case_id AND c.status = 'open'
    CROSS JOIN LATERAL jsonb_array_elements(l.plan->'agreements') a
    WHERE lower(a->>'ownerOrganisationId') = ${principal.organisationId} AND a->>'status' = 'open'
    ORDER BY (a->>'dueOn') ASC NULLS LAST, c.reference
    LIMIT ${limit}`);
  return (result as unknown as { rows: AgreementRow[] }).rows.map((r) => ({
    caseId: r.case_id,
    caseReference: r.case_reference,
    agreementId: r.agreement_id,
    text: r.text,
    dueOn: r.due_on,
    ownerUserId: r.owner_user_id,
  }));
}

/**
 * Follow-ups of the caller's organisation that have no outcome yet, the earliest first, of cases
 * it is still involved in: an ended involvement lists nothing of the case.
 */
export async function dueFollowUpsOf(tx: Db, principal: Principal, today: string, limit: number) {
  const rows = await tx
    .select({ f: followUps, caseReference: cases.reference })
    .from(followUps)
    .innerJoin(cases, eq(cases.id, followUps.caseId))
    .where(
      and(
        eq(followUps.organisationId, principal.organisationId),
        isNull(followUps.outcome),
        isNull(followUps.cancelledAt),
        involvedNowIn(followUps.caseId, principal.organisationId),
      ),
    )
    .orderBy(asc(followUps.dueOn))
    .limit(limit);
  return rows.map(({ f, caseReference }) => ({ ...presentFollowUp(f, today), caseReference }));
}

/** The organisation's notifications, unread first, newest first; only of cases it may still see. */
export async function notificationsOf(tx: Db, principal: Principal, limit: number) {
  // Partnership notices reach the organisation they are addressed to even when it cannot see the
  // case (an invitation, an ended partnership): then with the reference only, no link to the case.
  const involvedIn = sql`EXISTS (SELECT 1 FROM ${caseInvolvements}
          WHERE ${qualified(caseInvolvements.caseId)} = ${qualified(notifications.caseId)}
            AND ${qualified(caseInvolvements.organisationId)} = ${principal.organisationId}
            AND ${qualified(caseInvolvements.endedAt)} IS NULL)`;
  const rows = await tx
    .select({ n: notifications, caseReference: cases.reference, involved: sql<boolean>`${involvedIn}` })
    .from(notifications)
    .leftJoin(cases, eq(cases.id, notifications.caseId))
    .where(
      and(
        eq(notifications.organisationId, principal.organisationId),
        sql`(${qualified(notifications.caseId)} IS NULL OR ${involvedIn} OR ${qualified(notifications.partnershipId)} IS NOT NULL)`,
      ),
    )
    .orderBy(sql`${qualified(notifications.readAt)} IS NOT NULL`, desc(notifications.createdAt))
    .limit(limit);
  return rows.map(({ n, caseReference, involved }) => ({
    id: n.id,
    kind: n.kind,
    caseId: involved ? n.caseId : null,
    caseReference,
    handoverId: n.handoverId,
    partnershipId: n.partnershipId,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  }));
}
