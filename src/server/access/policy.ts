import { eq } from "drizzle-orm";
import { type Action, actionRoles } from "../../shared/access.ts";
import type { Role } from "../../shared/auth.ts";
import { activeInvolvements } from "../cases/involvement.ts";
import type { Db } from "../db/client.ts";
import { persons, reports } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";
import type { Principal } from "./principal.ts";

export { type Action, actionRoles };

/** How a route declares its access; `public` needs no session at all. */
export type RouteAccess = "public" | { action: Action };

export type RoleDecision = { allowed: true; role: Role } | { allowed: false };

/**
 * May this user ever perform this action? Returns the role under which it is allowed, which the
 * audit log records.
 */
export function decideRole(principal: Pick<Principal, "roles">, action: Action): RoleDecision {
  const allowed = actionRoles[action];
  if (allowed === "any-role") {
    const [first] = principal.roles;
    return first ? { allowed: true, role: first } : { allowed: false };
  }
  const role = principal.roles.find((r) => (allowed as readonly Role[]).includes(r));
  return role ? { allowed: true, role } : { allowed: false };
}

const groundLabels: Record<string, string> = {
  triage: "involved through triage",
  direction: "case direction",
  "pending-handover": "pending handover",
  "accepted-handover": "involved through accepted handover",
  "network-partner": "network partner in the plan",
  mda: "MDA++ team",
  "follow-up": "follow-up after its part ended",
};

/**
 * May the caller see this case? Only when their organisation is involved now. Answers the
 * ground of access ("involved through triage since 2026-03-02") or throws 404 — exactly what an
 * unknown case answers, because a case's existence is itself personal data.
 */
export async function authorizeCase(tx: Db, principal: Principal, caseId: string): Promise<string> {
  const [involvement] = await activeInvolvements(tx, caseId, principal.organisationId);
  if (!involvement) {
    throw notFound();
  }
  return groundOf(involvement);
}

const groundOf = (involvement: { ground: string; startedAt: Date }): string =>
  `${groundLabels[involvement.ground] ?? involvement.ground} since ${involvement.startedAt.toISOString().slice(0, 10)}`;

/**
 * May the caller change this case? Its organisation must be involved on a ground other than a
 * pending handover: a receiver still deciding may read the case (404 otherwise) but not change
 * it (403).
 */
export async function authorizeCaseWork(tx: Db, principal: Principal, caseId: string): Promise<string> {
  const involvements = await activeInvolvements(tx, caseId, principal.organisationId);
  if (involvements.length === 0) {
    throw notFound();
  }
  const working = involvements.find((i) => i.ground !== "pending-handover" && i.ground !== "follow-up");
  if (!working) {
    throw new AppError(
      "FORBIDDEN",
      involvements.some((i) => i.ground === "follow-up")
        ? "Your organisation's part in this case ended; it follows up only."
        : "Accept the handover before working on the case.",
    );
  }
  return groundOf(working);
}

/** A privacy officer may report on any known person of the region; others never reach here. */
export async function authorizePersonForPrivacyOfficer(tx: Db, personId: string): Promise<string> {
  const [person] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId));
  if (!person) {
    throw notFound();
  }
  return "privacy officer: data subject request";
}

/** The centre of a region runs its intake: it sees every report of its region. */
export const isCentreOf = (principal: Principal, regionId: string): boolean =>
  principal.organisationKind === "centre" && principal.regionId === regionId;

/**
 * May the caller see this report? The centre of its region always (its intake queue); another
 * organisation only through a case the report is linked to and it is involved in. With
 * `work`, only the centre may change it: others who can read it get 403, everyone else 404.
 */
export async function authorizeReport(
  tx: Db,
  principal: Principal,
  reportId: string,
  mode: "read" | "work",
): Promise<{ ground: string; isCentre: boolean }> {
  const [report] = await tx
    .select({ regionId: reports.regionId, caseId: reports.caseId })
    .from(reports)
    .where(eq(reports.id, reportId));
  if (!report) {
    throw notFound();
  }
  if (isCentreOf(principal, report.regionId)) {
    return { ground: "intake queue of the centre", isCentre: true };
  }
  if (!report.caseId) {
    throw notFound();
  }
  const ground = await authorizeCase(tx, principal, report.caseId);
  if (mode === "work") {
    throw new AppError("FORBIDDEN", "Only the centre assesses and triages reports.");
  }
  return { ground: `report of a case: ${ground}`, isCentre: false };
}
