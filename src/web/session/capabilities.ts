import type { Role, SessionUser } from "../../shared/auth";
import type { Organisation } from "../../shared/reference";

// Which roles may ever call which endpoints: the same table as the server's policy
// (src/server/access/policy.ts, actionRoles). The server decides; the web app only avoids
// offering what would be refused.
const rolesFor = {
  readReports: ["intake-worker", "case-worker", "chain-partner"],
  createReports: ["intake-worker"],
  workReports: ["intake-worker", "case-worker"],
  readCases: ["intake-worker", "case-worker", "chain-partner"],
  readHandovers: ["intake-worker", "case-worker", "chain-partner"],
  /** case.work: plan, phase, direction, director, help offered, handovers proposed, closure. */
  workCases: ["intake-worker", "case-worker"],
  /** handover.decide: the shelter and the police receive handovers too. */
  decideHandovers: ["intake-worker", "case-worker", "chain-partner"],
  /** follow-up.work: the organisation that closed a case records its follow-ups. */
  workFollowUps: ["intake-worker", "case-worker"],
  /** measure.record: police record restraining orders, the shelter its stays. */
  recordMeasures: ["intake-worker", "case-worker", "chain-partner"],
  readAgreements: ["intake-worker", "case-worker", "chain-partner"],
  readNotifications: ["intake-worker", "case-worker", "chain-partner"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof rolesFor;

/** Whether one of the user's roles may ever do this. */
export function can(user: Pick<SessionUser, "roles">, capability: Capability): boolean {
  const allowed: readonly Role[] = rolesFor[capability];
  return user.roles.some((role) => allowed.includes(role));
}

/** Whether the user works at the centre, which runs the intake of its region. */
export function isCentreUser(
  user: Pick<SessionUser, "organisationId">,
  organisations: Organisation[],
): boolean {
  return organisations.some(
    (organisation) => organisation.id === user.organisationId && organisation.kind === "centre",
  );
}
