import type { FastifyRequest } from "fastify";
import { authorizeCaseAccess } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { accessOf } from "../access/route-guard.ts";
import { type AuditEvent, auditedTransaction } from "../audit/audited-transaction.ts";
import type { Db } from "../db/client.ts";
import { directorOf } from "./queries.ts";
import type { JournalViewer } from "./rules.ts";

export interface JournalWork {
  tx: Db;
  principal: Principal;
  viewer: JournalViewer;
  /** Records an audit entry on this case with the ground of access (the persons are the caller's to name). */
  audit(event: Omit<AuditEvent, "caseId" | "ground">): void;
}

/**
 * The frame of every journal route, as `onCase` is for the case: one transaction in which the
 * policy decides (404 when the case is not the caller's to see; for `work`, 403 while only a
 * pending handover lets it read), the work is done, and the audit entries — naming the persons
 * of the entries read or written, not the whole household — are written last.
 */
export function onJournal<T>(
  db: Db,
  request: FastifyRequest,
  caseId: string,
  mode: "read" | "work",
  fn: (work: JournalWork) => Promise<T>,
): Promise<T> {
  const { principal, actor } = accessOf(request);
  return auditedTransaction(db, actor, async ({ tx, audit }) => {
    // Writing in the journal is contributing, not directing: network partners write their contacts.
    const { ground } = await authorizeCaseAccess(
      tx,
      principal,
      caseId,
      mode === "read" ? "read" : "contribute",
    );
    const viewer: JournalViewer = {
      userId: principal.userId,
      organisationId: principal.organisationId,
      directorUserId: await directorOf(tx, caseId),
    };
    return fn({
      tx,
      principal,
      viewer,
      audit: (event) => audit({ ...event, caseId, ground }),
    });
  });
}
