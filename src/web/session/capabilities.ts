import { type Action, actionRoles } from "../../shared/access";
import type { Role, SessionUser } from "../../shared/auth";
import type { Organisation } from "../../shared/reference";

// Which action of the server's policy each capability of the interface needs. The server decides;
// the web app only avoids offering what would be refused.
const actionFor = {
  readReports: "report.read",
  createReports: "report.create",
  /** The police liaison's own reports (the server also requires a police organisation). */
  submitPoliceReports: "report.submit-police",
  workReports: "report.work",
  readCases: "case.read",
  readHandovers: "handover.read",
  /** Plan, phase, direction, director, help offered, handovers proposed, closure. */
  workCases: "case.work",
  decideHandovers: "handover.decide",
  workFollowUps: "follow-up.work",
  recordMeasures: "measure.record",
  readAgreements: "agreement.read",
  readNotifications: "notification.read",
  readJournal: "journal.read",
  writeJournal: "journal.write",
  searchPersons: "person.search",
  /** The centre's own routes: trajectories, tasks, child protection board requests. */
  readCentreWork: "centre-work.read",
  doCentreWork: "centre-work.do",
  /** Network partners: invite (director or centre), see invitations and stays, decide, end. */
  inviteNetworkPartners: "network.invite",
  readNetwork: "network.read",
  decideNetwork: "network.decide",
  completeAgreements: "agreement.complete",
} as const satisfies Record<string, Action>;

export type Capability = keyof typeof actionFor;

/** Whether one of the user's roles may ever do this. */
export function can(user: Pick<SessionUser, "roles">, capability: Capability): boolean {
  const allowed: readonly Role[] = actionRoles[actionFor[capability]];
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
