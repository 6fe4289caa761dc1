import type { Actor } from "../access/principal.ts";
import type { Db } from "../db/client.ts";
import { appendToChain, type PendingEntry } from "./append.ts";

/** One audited event; who and from where come from the actor. */
export interface AuditEvent {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  caseId?: string | null;
  personIds?: string[];
  /** The ground of access: why this user may do this (NEN 7513 "on what ground"). */
  ground?: string | null;
  onBehalfOf?: string | null;
  emergency?: boolean;
  outcome?: "success" | "failure" | "denied";
}

export interface Work {
  tx: Db;
  /** Records an audit entry that is written in this same transaction. */
  audit(event: AuditEvent): void;
}

/**
 * Runs `fn` in one transaction and writes its audit entries in that same transaction, last,
 * so a change and its log entry are committed together or not at all.
 */
export function auditedTransaction<T>(db: Db, actor: Actor, fn: (work: Work) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const pending: PendingEntry[] = [];
    const result = await fn({
      tx,
      audit(event) {
        pending.push({
          at: new Date(),
          userId: actor.userId,
          role: actor.role,
          organisationId: actor.organisationId,
          onBehalfOf: event.onBehalfOf ?? null,
          action: event.action,
          subjectType: event.subjectType,
          subjectId: event.subjectId ?? null,
          caseId: event.caseId ?? null,
          personIds: event.personIds ?? [],
          ground: event.ground ?? null,
          emergency: event.emergency ?? false,
          remoteAddress: actor.remoteAddress,
          requestId: actor.requestId,
          outcome: event.outcome ?? "success",
        });
      },
    });
    await appendToChain(tx, pending);
    return result;
  });
}
