import type { Role } from "./auth.ts";

/**
 * Every action a route can perform, with the roles that may ever perform it. A role not listed
 * answers 403; whether the caller may see the particular case or person is decided by the
 * subject checks of the server's policy (src/server/access/policy.ts; 404 when not). The web app
 * reads the same table to offer only what would not be refused.
 */
export const actionRoles = {
  "session.read": "any-role",
  "session.end": "any-role",
  "audit.read": ["privacy-officer"],
  "audit.verify": ["privacy-officer"],
  "person.access-report": ["privacy-officer"],
  "case.read": ["intake-worker", "case-worker", "chain-partner"],
  "handover.read": ["intake-worker", "case-worker", "chain-partner"],
  "report.create": ["intake-worker"],
  "report.read": ["intake-worker", "case-worker", "chain-partner"],
  "report.work": ["intake-worker", "case-worker"],
  "checklist.read": ["intake-worker", "case-worker", "chain-partner"],
  "case.work": ["intake-worker", "case-worker"],
  // The shelter and the police receive handovers too, so they decide on them.
  "handover.decide": ["intake-worker", "case-worker", "chain-partner"],
  "follow-up.work": ["intake-worker", "case-worker"],
  // Police record restraining orders and the shelter its stays: chain partners record measures.
  "measure.record": ["intake-worker", "case-worker", "chain-partner"],
  "agreement.read": ["intake-worker", "case-worker", "chain-partner"],
  "notification.read": ["intake-worker", "case-worker", "chain-partner"],
  // Network partners (src/server/cases/network/): the director or the centre invites; the invited
  // organisation decides; partner or director ends. Whom exactly the subject checks decide.
  "network.invite": ["intake-worker", "case-worker"],
  "network.read": ["intake-worker", "case-worker", "chain-partner"],
  "network.decide": ["intake-worker", "case-worker", "chain-partner"],
  // Marking an agreement done: its owning organisation or the case director.
  "agreement.complete": ["intake-worker", "case-worker", "chain-partner"],
} as const satisfies Record<string, readonly Role[] | "any-role">;

export type Action = keyof typeof actionRoles;
