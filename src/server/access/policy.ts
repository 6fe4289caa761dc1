import { eq } from "drizzle-orm";
import { type Action, actionRoles } from "../../shared/access.ts";
import type { Role } from "../../shared/auth.ts";
import type { CaseDetail } from "../../shared/cases.ts";
import type { PartnerPurpose } from "../../shared/network.ts";
import { type InvolvementGround, involvementsWithPartnership } from "../cases/involvement.ts";
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
  "network-partner": "network partner",
  mda: "MDA++ team",
  "follow-up": "follow-up after its part ended",
};

/**
 * What the policy lets the caller see of a case. `full`: every section, as for an organisation
 * involved on its own ground (triage, direction, a handover, MDA++). `network-partner`: an
 * organisation involved only as a partner in the case's network sees what its purpose needs (see
 * `partnerView` below); a broader ground of the same organisation gives it the full view.
 */
export type CaseView = "full" | "network-partner";

export interface CaseAccess {
  /** The ground, as the audit log records it ("network partner since 2026-03-02: purpose shelter"). */
  ground: string;
  view: CaseView;
  /** The involvement the ground names. */
  involvement: { ground: InvolvementGround | string; startedAt: Date };
  /** The partnership behind a network-partner ground. */
  partnership?: { id: string; purpose: PartnerPurpose };
}

/**
 * `read`: see the case. `work`: direct it (plan, phase, director, handovers, closure) — not a
 * network partner, not a receiver still deciding on a handover. `contribute`: what a network
 * partner does in a case (record its measures, mark its agreements done) — anyone involved but a
 * receiver still deciding.
 */
export type CaseMode = "read" | "work" | "contribute";

/**
 * May the caller see (or change) this case? Only when their organisation is involved now; 404
 * otherwise — exactly what an unknown case answers, because a case's existence is itself personal
 * data. Answers the ground of access and the view the caller gets; 403 when it may see the case
 * but not do this.
 */
export async function authorizeCaseAccess(
  tx: Db,
  principal: Principal,
  caseId: string,
  mode: CaseMode,
): Promise<CaseAccess> {
  const { involvements, partnership } = await involvementsWithPartnership(
    tx,
    caseId,
    principal.organisationId,
  );
  if (involvements.length === 0) {
    throw notFound();
  }
  const own = involvements.filter((i) => i.ground !== "network-partner");
  const view: CaseView = own.length > 0 ? "full" : "network-partner";
  let chosen: (typeof involvements)[number] | undefined;
  if (mode === "read") {
    chosen = own[0] ?? involvements[0];
  } else if (mode === "work") {
    chosen = own.find((i) => i.ground !== "pending-handover" && i.ground !== "follow-up");
    if (!chosen) {
      throw new AppError("FORBIDDEN", whyNotWorking(own));
    }
  } else {
    chosen = involvements.find((i) => i.ground !== "pending-handover" && i.ground !== "follow-up");
    if (!chosen) {
      throw new AppError("FORBIDDEN", whyNotWorking(own));
    }
  }
  if (!chosen) {
    throw notFound();
  }
  if (chosen.ground !== "network-partner") {
    return { ground: groundOf(chosen), view, involvement: chosen };
  }
  return {
    ground: partnership ? `${groundOf(chosen)}: purpose ${partnership.purpose}` : groundOf(chosen),
    view,
    involvement: chosen,
    ...(partnership ? { partnership } : {}),
  };
}

/** Why an organisation that may see the case may not change it. */
function whyNotWorking(own: { ground: string }[]): string {
  if (own.some((i) => i.ground === "follow-up")) {
    return "Your organisation's part in this case ended; it follows up only.";
  }
  return own.length > 0
    ? "Accept the handover before working on the case."
    : "A network partner contributes its part; it does not direct the case.";
}

/** May the caller see this case? Answers the ground of access or throws 404. */
export async function authorizeCase(tx: Db, principal: Principal, caseId: string): Promise<string> {
  return (await authorizeCaseAccess(tx, principal, caseId, "read")).ground;
}

const groundOf = (involvement: { ground: string; startedAt: Date }): string =>
  `${groundLabels[involvement.ground] ?? involvement.ground} since ${involvement.startedAt.toISOString().slice(0, 10)}`;

/**
 * May the caller change this case? Its organisation must be involved on a ground other than a
 * pending handover or a network partnership: a receiver still deciding may read the case (404
 * otherwise) but not change it (403), and a partner contributes only its part.
 */
export async function authorizeCaseWork(tx: Db, principal: Principal, caseId: string): Promise<string> {
  return (await authorizeCaseAccess(tx, principal, caseId, "work")).ground;
}

/**
 * The network partner's view of a case: what its purpose needs, nothing more (PRODUCT.md 7, need
 * to know). It sees the household (who the plan is about), the safety status, the plan (its own
 * agreements included), the network, the director to call, the measures its organisation records
 * or hosts, and the history of those. It never sees the case's reports (they hold the reporter's
 * identity and account; docs/decisions/0013), the handovers between others, the help other
 * organisations give each person, or the follow-ups of whoever closes the case.
 */
export const partnerView = {
  reports: false,
  handovers: false,
  helpDetails: false,
  followUps: false,
  measures: "own",
  history: "own",
  plan: true,
} as const;

interface Measure {
  recordedByOrganisationId?: string | undefined;
  shelterOrganisationId?: string | null | undefined;
}
const isOwnMeasure = (m: Measure, organisationId: string) =>
  m.recordedByOrganisationId === organisationId || m.shelterOrganisationId === organisationId;

const isOwnHelp = (
  h: { providerOrganisationId: string | null; recordedBy: { organisationId: string } },
  org: string,
) => h.providerOrganisationId === org || h.recordedBy.organisationId === org;

/** The help records a caller may see: all of them, or for a network partner its own. */
export function helpAsSeen<
  T extends { providerOrganisationId: string | null; recordedBy: { organisationId: string } },
>(records: T[], access: CaseAccess, principal: Principal): T[] {
  return access.view === "full" ? records : records.filter((h) => isOwnHelp(h, principal.organisationId));
}

/** A network partner changes only the measures it sees (its own); others' are 404 to it. */
export function requireVisibleMeasure(access: CaseAccess, principal: Principal, measure: Measure): void {
  if (access.view === "network-partner" && !isOwnMeasure(measure, principal.organisationId)) {
    throw notFound();
  }
}

/** The case as the caller may see it: the whole case, or the partner view. */
export function caseAsSeen(detail: CaseDetail, access: CaseAccess, principal: Principal): CaseDetail {
  const purpose = access.partnership ? { purpose: access.partnership.purpose } : {};
  if (access.view === "full") {
    return { ...detail, access: { ...detail.access, ...purpose } };
  }
  const org = principal.organisationId;
  return {
    ...detail,
    reportIds: [],
    reports: [],
    handovers: [],
    // Whether a child has help shows in the flags; what help, from whom, only to its giver.
    persons: detail.persons.map((p) => ({
      ...p,
      help: [],
      helpRecords: p.helpRecords.filter((h) => isOwnHelp(h, org)),
    })),
    restrainingOrders: detail.restrainingOrders.filter((m) => isOwnMeasure(m, org)),
    shelterStays: detail.shelterStays.filter((m) => isOwnMeasure(m, org)),
    accessGround: access.ground,
    access: { ...detail.access, ...purpose, view: "network-partner" },
  };
}

/** History kinds a partner sees whoever made them: the plan it works with. */
const partnerHistoryKinds = new Set(["plan-saved", "phase-changed", "director-changed"]);

/**
 * The case history as the caller may see it: a partner sees the plan's changes and what its own
 * organisation did or what concerned it (its partnership, its measures), without others' reasons.
 */
export function historyAsSeen<
  T extends {
    kind: string;
    organisationId: string | null;
    details: Record<string, unknown>;
    reason?: string;
  },
>(entries: T[], access: CaseAccess, principal: Principal): T[] {
  if (access.view === "full") {
    return entries;
  }
  const org = principal.organisationId;
  return entries
    .filter(
      (e) =>
        e.organisationId === org ||
        partnerHistoryKinds.has(e.kind) ||
        e.details.organisationId === org ||
        e.details.shelterOrganisationId === org,
    )
    .map((e) => {
      if (e.organisationId === org || e.reason === undefined) {
        return e;
      }
      const { reason: _reason, ...rest } = e;
      return rest as T;
    });
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
  const access = await authorizeCaseAccess(tx, principal, report.caseId, "read");
  if (access.view === "network-partner") {
    // A network partner never sees the case's reports: they carry the reporter (decision 0013).
    throw notFound();
  }
  const ground = access.ground;
  if (mode === "work") {
    throw new AppError("FORBIDDEN", "Only the centre assesses and triages reports.");
  }
  return { ground: `report of a case: ${ground}`, isCentre: false };
}
