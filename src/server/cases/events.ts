import { randomUUID } from "node:crypto";
import type { Principal } from "../access/principal.ts";
import type { Db } from "../db/client.ts";
import { caseEvents } from "../db/schema.ts";

export type CaseEventKind =
  | "case-opened"
  | "report-linked"
  | "plan-saved"
  | "safety-assessed"
  | "phase-changed"
  | "direction-changed"
  | "director-changed"
  | "help-offered"
  | "help-started"
  | "help-ended"
  | "help-withdrawn"
  | "minor-status-set"
  | "closure-override"
  | "handover-proposed"
  | "handover-accepted"
  | "handover-declined"
  | "sender-part-ended"
  | "case-closed"
  | "case-reopened"
  | "follow-up-recorded"
  | "restraining-order-recorded"
  | "restraining-order-extended"
  | "restraining-order-lifted"
  | "shelter-stay-started"
  | "shelter-stay-ended"
  // The centre's own routes (src/server/centre-work/)
  | "trajectory-started"
  | "trajectory-completed"
  | "crisis-opened"
  | "centre-task-done"
  | "board-investigation-requested"
  | "board-investigation-answered"
  | "reporter-protection-decided"
  // Network partners (src/server/cases/network/)
  | "network-partner-invited"
  | "network-partner-accepted"
  | "network-partner-declined"
  | "network-partner-withdrawn"
  | "network-partner-ended"
  | "network-partner-joined";

/**
 * Adds a line to the case's history. `details` holds ids, states and counts, never free text
 * about persons: the history is shown to every involved organisation. Reasons are kept apart.
 */
export async function recordCaseEvent(
  tx: Db,
  caseId: string,
  by: Pick<Principal, "userId" | "organisationId"> | null,
  kind: CaseEventKind,
  options: { reason?: string; details?: Record<string, unknown>; at?: Date } = {},
): Promise<void> {
  await tx.insert(caseEvents).values({
    id: randomUUID(),
    caseId,
    at: options.at ?? new Date(),
    userId: by?.userId ?? null,
    organisationId: by?.organisationId ?? null,
    kind,
    reason: options.reason ?? null,
    details: options.details ?? {},
  });
}
