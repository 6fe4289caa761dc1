import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { authorizeCaseAccess, type CaseAccess, type CaseMode } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import type { Db } from "../db/client.ts";
import { casePersons } from "../db/schema.ts";

export async function householdIds(tx: Db, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: casePersons.personId })
    .from(casePersons)
    .where(eq(casePersons.caseId, caseId));
  return rows.map((r) => r.id);
}

/**
 * The frame of every case route: one transaction in which the policy decides (404 when the case
 * is not the caller's to see, 403 when it may only read), the work is done, and the audit entry
 * with the household and the ground is written. `access` says what the caller may see (the
 * policy's full or network-partner view).
 */
export function onCase<T>(
  db: Db,
  request: FastifyRequest,
  caseId: string,
  action: string,
  mode: CaseMode,
  fn: (tx: Db, principal: Principal, access: CaseAccess) => Promise<T>,
): Promise<T> {
  const { principal, actor } = accessOf(request);
  return auditedTransaction(db, actor, async ({ tx, audit }) => {
    const access = await authorizeCaseAccess(tx, principal, caseId, mode);
    const ground = access.ground;
    const result = await fn(tx, principal, access);
    audit({
      action,
      subjectType: "case",
      subjectId: caseId,
      caseId,
      personIds: await householdIds(tx, caseId),
      ground,
    });
    return result;
  });
}
