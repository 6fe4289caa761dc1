import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { handovers, notifications } from "../db/schema.ts";

export type NotificationKind =
  | "handover-received"
  | "handover-accepted"
  | "handover-declined"
  | "handover-overdue"
  | "follow-up-new-violence";

export async function notify(
  tx: Db,
  organisationId: string,
  kind: NotificationKind,
  refs: { caseId: string; handoverId?: string; followUpId?: string },
  at = new Date(),
): Promise<void> {
  await tx.insert(notifications).values({ id: randomUUID(), organisationId, kind, ...refs, createdAt: at });
}

/**
 * Marks read what an organisation was told about a handover it has now decided on (received,
 * overdue): deciding is acting on them, so they no longer wait on the start page. Answers the
 * ids marked, for the audit log.
 */
export async function markHandoverNoticesRead(
  tx: Db,
  principal: { organisationId: string; userId: string },
  handoverId: string,
  at = new Date(),
): Promise<string[]> {
  const marked = await tx
    .update(notifications)
    .set({ readAt: at, readBy: principal.userId })
    .where(
      and(
        eq(notifications.handoverId, handoverId),
        eq(notifications.organisationId, principal.organisationId),
        inArray(notifications.kind, ["handover-received", "handover-overdue"]),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return marked.map((notice) => notice.id);
}

/**
 * Tells the receiver of every pending handover past its acceptance deadline, once. Idempotent (a
 * unique index allows one overdue notice per handover), so the scheduler may run it as often as
 * it likes, on several servers.
 */
export async function notifyOverdueHandovers(tx: Db, today: string, at = new Date()): Promise<void> {
  const overdue = await tx
    .select({ id: handovers.id, caseId: handovers.caseId, to: handovers.toOrganisationId })
    .from(handovers)
    .where(and(eq(handovers.status, "pending"), lt(handovers.dueOn, today)));
  for (const h of overdue) {
    await tx
      .insert(notifications)
      .values({
        id: randomUUID(),
        organisationId: h.to,
        kind: "handover-overdue",
        caseId: h.caseId,
        handoverId: h.id,
        createdAt: at,
      })
      .onConflictDoNothing({ target: notifications.handoverId, where: sql`kind = 'handover-overdue'` });
  }
}
