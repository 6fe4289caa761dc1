import type { TFunction } from "i18next";
import type { CaseDetail } from "../../../shared/cases";
import { followUpOutcomes, phases, shelterKinds } from "../../../shared/cases";
import { boardOutcomes, taskKinds, trajectoryKinds } from "../../../shared/centre-work";
import { routes } from "../../../shared/intake";
import type { HistoryEntry } from "../../api/cases";
import type { Formatters } from "../../i18n/format";
import { personName } from "./case-model";
import { describeNetworkEvent } from "./network-history-text";

/** What a history line needs to name things. */
export interface HistoryNames {
  detail: CaseDetail;
  organisation: (id: string) => string;
  userNames: Map<string, string>;
  format: Formatters;
}

const textOf = (details: Record<string, unknown>, key: string): string | undefined => {
  const value = details[key];
  return typeof value === "string" ? value : undefined;
};
const numberOf = (details: Record<string, unknown>, key: string): number | undefined => {
  const value = details[key];
  return typeof value === "number" ? value : undefined;
};
const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const planTextFields = [
  "concerns",
  "goal",
  "familyWords",
  "risks",
  "network",
  "safetyScores",
  "childrenWords",
] as const;
const agreementStatuses = ["open", "done", "not-done"] as const;

/** "2 voorwaarden toegevoegd, doel gewijzigd": the changes of a plan save, counted by kind. */
function planChangesText(t: TFunction, details: Record<string, unknown>): string {
  const changes = Array.isArray(details.changes) ? (details.changes as Record<string, unknown>[]) : [];
  const counts = new Map<string, number>();
  const fields: string[] = [];
  for (const change of changes) {
    const kind = textOf(change, "kind");
    if (kind === "text-changed") {
      const field = oneOf(planTextFields, textOf(change, "field"));
      if (field !== undefined) {
        fields.push(t(`plan.fields.${field}`).toLocaleLowerCase());
      }
    } else if (kind === "agreement-status") {
      const status = oneOf(agreementStatuses, textOf(change, "status"));
      const key = `agreement-status:${status ?? "open"}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    } else if (kind !== undefined) {
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  const parts: string[] = [];
  const known = [
    "condition-added",
    "condition-removed",
    "condition-met",
    "condition-unmet",
    "agreement-added",
    "agreement-removed",
  ] as const;
  for (const kind of known) {
    const count = counts.get(kind);
    if (count !== undefined) {
      parts.push(t(`history.planChange.${kind}`, { count }));
    }
  }
  for (const status of agreementStatuses) {
    const count = counts.get(`agreement-status:${status}`);
    if (count !== undefined) {
      parts.push(t("history.planChange.agreement-status", { count, status: t(`agreementStatus.${status}`) }));
    }
  }
  if (fields.length > 0) {
    parts.push(t("history.planChange.fields", { fields: fields.join(", ") }));
  }
  return parts.join("; ");
}

/** A history line in words: what happened, with the names of persons and organisations. */
export function describeHistoryEntry(t: TFunction, entry: HistoryEntry, names: HistoryNames): string {
  const { details } = entry;
  const person = (key: string) => {
    const id = textOf(details, key);
    return id === undefined ? t("case.household.unknownPerson") : personName(t, names.detail, id);
  };
  const organisation = (key: string) => {
    const id = textOf(details, key);
    return id === undefined ? t("history.unknownOrganisation") : names.organisation(id);
  };
  switch (entry.kind) {
    case "case-opened": {
      const route = oneOf(routes, textOf(details, "route"));
      return route === undefined
        ? t("history.case-opened")
        : t("history.caseOpenedRoute", { route: t(`route.${route}`).toLocaleLowerCase() });
    }
    case "report-linked": {
      const reportId = textOf(details, "reportId");
      const report = names.detail.reports.find((candidate) => candidate.id === reportId);
      const text = t("history.report-linked", { reference: report?.reference ?? "" }).trim();
      return details.recurrence === true ? `${text} ${t("history.recurrence")}` : text;
    }
    case "plan-saved": {
      const changes = planChangesText(t, details);
      const saved = t("history.plan-saved", { version: numberOf(details, "version") ?? "?" });
      return changes === "" ? saved : `${saved}: ${changes}`;
    }
    case "safety-assessed":
      return t("history.safety-assessed", {
        acute: t(details.acuteUnsafety === true ? "forms.yes" : "forms.no").toLocaleLowerCase(),
        structural: t(details.structuralUnsafety === true ? "forms.yes" : "forms.no").toLocaleLowerCase(),
      });
    case "phase-changed": {
      const from = oneOf(phases, textOf(details, "from"));
      const to = oneOf(phases, textOf(details, "to"));
      return from === undefined || to === undefined
        ? t("history.phaseChanged")
        : t("history.phase-changed", { from: t(`phase.${from}`), to: t(`phase.${to}`) });
    }
    case "direction-changed": {
      const to = oneOf(["local", "regional"] as const, textOf(details, "to"));
      return to === undefined
        ? t("history.directionChanged")
        : t("history.direction-changed", { to: t(`direction.${to}`).toLocaleLowerCase() });
    }
    case "director-changed": {
      const userId = textOf(details, "toUserId");
      const name = userId === undefined ? undefined : names.userNames.get(userId);
      const org = organisation("toOrganisationId");
      return name === undefined
        ? t("history.directorAt", { organisation: org })
        : t("history.director-changed", { name, organisation: org });
    }
    case "help-offered":
      return t("history.help-offered", { name: person("personId") });
    case "help-started":
    case "help-ended":
    case "help-withdrawn":
    case "minor-status-set":
      return t(`caseHistory.${entry.kind}`, { name: person("personId") });
    case "closure-override":
      return t("caseHistory.closure-override", {
        item: t(`caseHistory.blocker.${textOf(details, "code") ?? "other"}` as "caseHistory.blocker.other"),
      });
    case "restraining-order-lifted":
    case "sender-part-ended":
      return t(`caseHistory.${entry.kind}`, { organisation: organisation("organisationId") });
    case "handover-proposed":
      return t("history.handover-proposed", { organisation: organisation("toOrganisationId") });
    case "handover-accepted": {
      const hours = numberOf(details, "waitingHours");
      return hours === undefined
        ? t("history.handover-accepted")
        : t("history.handoverAcceptedAfter", { count: hours });
    }
    case "restraining-order-recorded":
      return t("history.restraining-order-recorded", { name: person("personId") });
    case "restraining-order-extended": {
      const endsOn = textOf(details, "endsOn");
      return t("history.restraining-order-extended", {
        date: endsOn === undefined ? "" : names.format.shortDate(endsOn),
      });
    }
    case "shelter-stay-started": {
      const ids = Array.isArray(details.personIds)
        ? details.personIds.filter((id): id is string => typeof id === "string")
        : [];
      const kind = oneOf(shelterKinds, textOf(details, "kind"));
      return t("history.shelter-stay-started", {
        kind: kind === undefined ? "" : t(`shelterKind.${kind}`).toLocaleLowerCase(),
        names: names.format.list(ids.map((id) => personName(t, names.detail, id))),
      });
    }
    case "shelter-stay-ended": {
      const endedOn = textOf(details, "endedOn");
      return t("history.shelter-stay-ended", {
        date: endedOn === undefined ? "" : names.format.shortDate(endedOn),
      });
    }
    case "follow-up-recorded": {
      const outcome = oneOf(followUpOutcomes, textOf(details, "outcome"));
      return t("history.follow-up-recorded", {
        count: numberOf(details, "monthsAfterClosure") ?? 0,
        outcome: outcome === undefined ? "" : t(`followUpOutcome.${outcome}`).toLocaleLowerCase(),
      });
    }
    case "trajectory-started":
    case "trajectory-completed": {
      const kind = oneOf(trajectoryKinds, textOf(details, "kind"));
      const on = textOf(details, entry.kind === "trajectory-started" ? "startedOn" : "completedOn");
      const dueOn = textOf(details, "dueOn");
      const late = numberOf(details, "daysLate") ?? 0;
      const text = t(`centreWork.history.${entry.kind}`, {
        kind: kind === undefined ? "" : t(`centreWork.kind.${kind}`),
        date: on === undefined ? "" : names.format.shortDate(on),
        due: dueOn === undefined ? "" : names.format.shortDate(dueOn),
      });
      return late > 0 ? `${text} ${t("centreWork.history.late", { count: late })}` : text;
    }
    case "centre-task-done": {
      const kind = oneOf(taskKinds, textOf(details, "kind"));
      return t("centreWork.history.centre-task-done", {
        task: kind === undefined ? "" : t(`centreWork.taskKind.${kind}`),
      });
    }
    case "board-investigation-answered": {
      const outcome = oneOf(boardOutcomes, textOf(details, "outcome"));
      return t("centreWork.history.board-investigation-answered", {
        outcome: outcome === undefined ? "" : t(`centreWork.boardOutcome.${outcome}`).toLocaleLowerCase(),
      });
    }
    case "reporter-protection-decided":
      return t(
        details.protected === true
          ? "centreWork.history.reporterProtected"
          : "centreWork.history.reporterNotProtected",
      );
    case "crisis-opened":
    case "board-investigation-requested":
      return t(`centreWork.history.${entry.kind}`);
    case "handover-declined":
    case "case-closed":
    case "case-reopened":
      return t(`history.${entry.kind}`);
    default:
      return entry.kind.startsWith("network-partner-")
        ? describeNetworkEvent(t, entry.kind, organisation("organisationId"))
        : t("history.unknown", { kind: entry.kind });
  }
}
