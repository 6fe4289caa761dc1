import type { TFunction } from "i18next";
import type { SessionUser } from "../../../shared/auth";
import type { CaseDetail, Handover } from "../../../shared/cases";
import type { Organisation } from "../../../shared/reference";
import {
  type FollowUp,
  fetchCase,
  fetchCaseFollowUps,
  fetchCaseHistory,
  type HistoryEntry,
} from "../../api/cases";
import { fetchPlan, type LoadedPlan } from "../../api/safety-plan";
import type { ReferenceNames } from "../../api/use-reference";
import { can } from "../../session/capabilities";

export type CasePerson = CaseDetail["persons"][number];

/** Everything the case page loads, in one answer so that it reloads as one after an action. */
export interface CaseData {
  detail: CaseDetail;
  plan: LoadedPlan;
  history: HistoryEntry[];
  followUps: FollowUp[];
}

/** The case and everything shown with it, loaded together (the case page and the plan pages). */
export async function loadCaseData(id: string, signal: AbortSignal): Promise<CaseData> {
  const [detail, plan, history, followUps] = await Promise.all([
    fetchCase(id, signal),
    fetchPlan(id, signal),
    fetchCaseHistory(id, signal),
    fetchCaseFollowUps(id, signal),
  ]);
  return { detail, plan, history, followUps };
}

/** What the user may do on this case, and why not when they may not. */
export interface CaseAccess {
  /** The user's organisation is involved on a ground other than a pending handover. */
  isWorking: boolean;
  isOpen: boolean;
  /** Plan, phase, direction, director, help offered, handovers, closure (case.work). */
  canWork: boolean;
  /** Restraining orders and shelter stays (measure.record). */
  canRecordMeasures: boolean;
  /** A handover to the user's organisation waiting for its decision. */
  pendingForMe: Handover | undefined;
  canDecide: boolean;
}

/** Decides from the case and the user's roles what the page offers; the server decides again. */
export function caseAccessOf(user: SessionUser, detail: CaseDetail): CaseAccess {
  const isWorking = detail.involvements.some(
    (involvement) =>
      involvement.organisationId === user.organisationId &&
      involvement.ground !== "pending-handover" &&
      involvement.ground !== "follow-up",
  );
  const isOpen = detail.status === "open";
  const pendingForMe = detail.handovers.find(
    (handover) => handover.status === "pending" && handover.toOrganisationId === user.organisationId,
  );
  return {
    isWorking,
    isOpen,
    // A network partner contributes (measures, its agreements) but does not direct the case.
    canWork: isWorking && isOpen && detail.access.view !== "network-partner" && can(user, "workCases"),
    canRecordMeasures: isWorking && isOpen && can(user, "recordMeasures"),
    pendingForMe,
    canDecide: pendingForMe !== undefined && can(user, "decideHandovers"),
  };
}

/**
 * Whether a person of the household is a minor: the server's minorStatus() (a birth date decides,
 * else as stated at intake; never the role). Unknown is not assumed to be a child: it is flagged.
 */
export const isChild = (person: CasePerson): boolean => person.minor === "yes";

/** A person's name, or "Persoon 2" when the case knows no name. */
export function personName(t: TFunction, detail: CaseDetail, personId: string): string {
  const index = detail.persons.findIndex((person) => person.id === personId);
  const person = detail.persons[index];
  if (person === undefined) {
    return t("case.household.unknownPerson");
  }
  const name = `${person.firstName ?? ""} ${person.lastName ?? ""}`.trim();
  return name === "" ? t("household.personNumber", { number: index + 1 }) : name;
}

/** Roles come from intake; anything else the server may add is shown as it is. */
const knownRoles = new Set(["victim", "alleged-perpetrator", "child-witness", "other"]);

export function personRole(t: TFunction, role: string): string {
  return knownRoles.has(role) ? t(`personRole.${role as "victim"}`) : role;
}

/**
 * Names of users as the case history knows them (whoever acted on the case). The API has no
 * user directory, so a director who never acted on the case is shown by organisation only.
 */
export function userNamesOf(history: readonly HistoryEntry[], user: SessionUser): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of history) {
    if (entry.userId !== null && entry.userName !== null) {
      names.set(entry.userId, entry.userName);
    }
  }
  names.set(user.id, user.displayName);
  return names;
}

/** Who saved a plan version, as far as the case knows: "Lotte Bakker (Lokaal team Zwolle)". */
export function planAuthor(
  t: TFunction,
  updatedBy: { userId: string | null; organisationId: string | null },
  userNames: Map<string, string>,
  organisation: (id: string) => string,
): string {
  const name = updatedBy.userId === null ? undefined : userNames.get(updatedBy.userId);
  const org = updatedBy.organisationId === null ? undefined : organisation(updatedBy.organisationId);
  if (name !== undefined && org !== undefined) {
    return t("plan.author.named", { name, organisation: org });
  }
  if (org !== undefined) {
    return t("plan.author.organisation", { organisation: org });
  }
  return t("plan.author.unknown");
}

/** Organisations a case can be handed to (as the server allows): care and safety partners, not oneself. */
const handoverKinds = new Set([
  "centre",
  "local-team",
  "mda-team",
  "shelter",
  "child-protection",
  "police",
  "other",
]);

export function handoverTargets(organisations: readonly Organisation[], ownOrganisationId: string) {
  return organisations.filter(
    (organisation) => handoverKinds.has(organisation.kind) && organisation.id !== ownOrganisationId,
  );
}

/** Everything a section of the case page needs. */
export interface CaseSectionProps {
  data: CaseData;
  access: CaseAccess;
  names: ReferenceNames;
  organisations: Organisation[];
  userNames: Map<string, string>;
  /** Reloads the case after a change; the page keeps showing the current data meanwhile. */
  onChanged: () => void;
}
