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
  // The police liaison submits its own reports (the policy also requires a police organisation).
  "report.submit-police": ["chain-partner"],
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
  // The case journal: everyone who works in the chain writes down contacts and reads what is
  // shared with them; which entries they see is decided per entry (journal visibility).
  "journal.read": ["intake-worker", "case-worker", "chain-partner"],
  "journal.write": ["intake-worker", "case-worker", "chain-partner"],
  // Searching persons and households, only within what the caller's organisation may see.
  "person.search": ["intake-worker", "case-worker", "chain-partner"],
  // The centre's own routes: trajectories, its tasks, crisis, child protection board requests.
  // Chain partners take part through the plan and measures, not these (and never the reporter).
  "centre-work.read": ["intake-worker", "case-worker"],
  "centre-work.do": ["intake-worker", "case-worker"],
  // Network partners (src/server/cases/network/): the director or the centre invites; the invited
  // organisation decides; partner or director ends. Whom exactly the subject checks decide.
  "network.invite": ["intake-worker", "case-worker"],
  "network.read": ["intake-worker", "case-worker", "chain-partner"],
  "network.decide": ["intake-worker", "case-worker", "chain-partner"],
  // Marking an agreement done: its owning organisation or the case director.
  "agreement.complete": ["intake-worker", "case-worker", "chain-partner"],
} as const satisfies Record<string, readonly Role[] | "any-role">;

export type Action = keyof typeof actionRoles;
