import { and, arrayContains, asc, desc, eq, gt, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { auditEntries, organisations, users } from "../db/schema.ts";

export interface AuditFilter {
  personId?: string | undefined;
  caseId?: string | undefined;
  userId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Entries matching the filter, newest first, keyset-paginated on seq. */
export async function findAuditEntries(db: Db, filter: AuditFilter, limit: number, beforeSeq?: number) {
  const conditions: SQL[] = [];
  if (filter.personId) {
    conditions.push(arrayContains(auditEntries.personIds, [filter.personId]));
  }
  if (filter.caseId) {
    conditions.push(eq(auditEntries.caseId, filter.caseId));
  }
  if (filter.userId) {
    conditions.push(eq(auditEntries.userId, filter.userId));
  }
  if (filter.from) {
    conditions.push(gte(auditEntries.at, filter.from));
  }
  if (filter.to) {
    conditions.push(lt(auditEntries.at, filter.to));
  }
  if (beforeSeq !== undefined) {
    conditions.push(lt(auditEntries.seq, beforeSeq));
  }
  return db
    .select()
    .from(auditEntries)
    .where(and(...conditions))
    .orderBy(desc(auditEntries.seq))
    .limit(limit + 1);
}

/** Who touched one person's data, oldest first, with names for a data subject's report. */
export async function findPersonAccess(db: Db, personId: string, limit: number, afterSeq?: number) {
  return db
    .select({
      seq: auditEntries.seq,
      at: auditEntries.at,
      userId: auditEntries.userId,
      userDisplayName: users.displayName,
      role: auditEntries.role,
      organisationId: auditEntries.organisationId,
      organisationName: organisations.name,
      action: auditEntries.action,
      ground: auditEntries.ground,
      emergency: auditEntries.emergency,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.userId))
    .leftJoin(organisations, eq(organisations.id, auditEntries.organisationId))
    .where(
      and(
        arrayContains(auditEntries.personIds, [personId]),
        afterSeq === undefined ? undefined : gt(auditEntries.seq, afterSeq),
      ),
    )
    .orderBy(asc(auditEntries.seq))
    .limit(limit + 1);
}
