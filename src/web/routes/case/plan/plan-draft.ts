import type { agreementStatuses, Plan, PlanInput, scoreParties } from "../../../../shared/safety-plan";

export type AgreementStatus = (typeof agreementStatuses)[number];
export type ScoreParty = (typeof scoreParties)[number];

/*
 * The plan as the editor holds it: every list item has a `key` (stable across renders and, for
 * the rebase after a conflict, across versions), and numbers, dates and choices are the strings
 * the form fields hold. Conditions and agreements from the server are keyed by their id; other
 * items by version and position, since only their content identifies them.
 */

export interface ConditionDraft {
  key: string;
  id?: string;
  text: string;
  met: boolean;
}

export interface RiskDraft {
  key: string;
  text: string;
}

export interface AgreementDraft {
  key: string;
  id?: string;
  text: string;
  /** "" when no organisation owns it. */
  ownerOrganisationId: string;
  ownerUserId: string | null;
  /** "" when it has no due date. */
  dueOn: string;
  status: AgreementStatus;
}

export interface NetworkMemberDraft {
  key: string;
  name: string;
  relation: string;
  role: string;
}

export interface ScoreDraft {
  key: string;
  party: ScoreParty | "";
  score: string;
  on: string;
}

export interface PlanDraft {
  concerns: string;
  goal: string;
  safetyConditions: ConditionDraft[];
  risks: RiskDraft[];
  agreements: AgreementDraft[];
  network: NetworkMemberDraft[];
  safetyScores: ScoreDraft[];
  familyWords: string;
  /** Each child's own words by person id. */
  childrenWords: Record<string, string>;
}

export type PlanField = keyof PlanDraft;

/** The fields of the plan in the order the editor and comparisons show them. */
export const planFields = [
  "concerns",
  "goal",
  "safetyConditions",
  "risks",
  "agreements",
  "network",
  "safetyScores",
  "familyWords",
  "childrenWords",
] as const satisfies readonly PlanField[];

let newKeys = 0;

/** A key for an item the user adds; it never matches a key of a loaded version. */
export function newItemKey(): string {
  newKeys += 1;
  return `new-${newKeys}`;
}

/** The editor's draft of a plan version. */
export function draftFromPlan(plan: Plan, version: number): PlanDraft {
  const positional = (field: string, index: number) => `v${version}-${field}-${index}`;
  return {
    concerns: plan.concerns,
    goal: plan.goal,
    safetyConditions: plan.safetyConditions.map((condition, index) => ({
      key: condition.id ?? positional("condition", index),
      ...(condition.id === undefined ? {} : { id: condition.id }),
      text: condition.text,
      met: condition.met,
    })),
    risks: plan.risks.map((text, index) => ({ key: positional("risk", index), text })),
    agreements: plan.agreements.map((agreement, index) => ({
      key: agreement.id ?? positional("agreement", index),
      ...(agreement.id === undefined ? {} : { id: agreement.id }),
      text: agreement.text,
      // Lower case, as the reference list has ids, so the owner is found among the options.
      ownerOrganisationId: agreement.ownerOrganisationId?.toLowerCase() ?? "",
      ownerUserId: agreement.ownerUserId,
      dueOn: agreement.dueOn ?? "",
      status: agreement.status,
    })),
    network: plan.network.map((member, index) => ({ key: positional("network", index), ...member })),
    safetyScores: plan.safetyScores.map((score, index) => ({
      key: positional("score", index),
      party: score.party,
      score: String(score.score),
      on: score.on,
    })),
    familyWords: plan.familyWords,
    childrenWords: Object.fromEntries(plan.childrenWords.map((entry) => [entry.personId, entry.words])),
  };
}

/** The content of a list item without its key: what decides whether two items are the same. */
export function itemContent(item: { key: string }): string {
  const { key: _key, ...content } = item;
  return JSON.stringify(content, Object.keys(content).sort());
}

/** Whether a score field holds a whole number from 0 to 10. */
export const isValidScore = (value: string): boolean => /^(10|[0-9])$/.test(value.trim());

/** Whether a date field holds an existing YYYY-MM-DD date. */
export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The plan to send from a draft that passed the editor's checks. Texts are trimmed, empty
 * children's words are left out, and ids travel along so the server keeps them.
 */
export function planFromDraft(draft: PlanDraft): PlanInput {
  return {
    concerns: draft.concerns.trim(),
    goal: draft.goal.trim(),
    safetyConditions: draft.safetyConditions.map((condition) => ({
      ...(condition.id === undefined ? {} : { id: condition.id }),
      text: condition.text.trim(),
      met: condition.met,
    })),
    risks: draft.risks.map((risk) => risk.text.trim()),
    agreements: draft.agreements.map((agreement) => ({
      ...(agreement.id === undefined ? {} : { id: agreement.id }),
      text: agreement.text.trim(),
      ownerOrganisationId: agreement.ownerOrganisationId === "" ? null : agreement.ownerOrganisationId,
      ownerUserId: agreement.ownerUserId,
      dueOn: agreement.dueOn === "" ? null : agreement.dueOn,
      status: agreement.status,
    })),
    network: draft.network.map((member) => ({
      name: member.name.trim(),
      relation: member.relation.trim(),
      role: member.role.trim(),
    })),
    safetyScores: draft.safetyScores.map((score) => ({
      party: score.party === "" ? "family" : score.party,
      score: Number(score.score.trim()),
      on: score.on,
    })),
    familyWords: draft.familyWords.trim(),
    childrenWords: Object.entries(draft.childrenWords)
      .filter(([, words]) => words.trim() !== "")
      .map(([personId, words]) => ({ personId, words: words.trim() })),
  };
}

/** One problem the editor found before sending: which field, and what is wrong with it. */
export interface DraftProblem {
  fieldId: string;
  kind:
    | "conditionText"
    | "riskText"
    | "agreementText"
    | "agreementDueOn"
    | "networkName"
    | "scoreParty"
    | "scoreValue"
    | "scoreDate";
  /** 1-based position of the item in its list. */
  number: number;
}

/** The ids of the editor's fields for one list item. */
export const planFieldId = (list: string, key: string, field: string): string =>
  `plan-${list}-${key}-${field}`;

/** What must be put right before the draft can be saved, in the order of the form. */
export function checkDraft(draft: PlanDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  draft.safetyConditions.forEach((condition, index) => {
    if (condition.text.trim() === "") {
      problems.push({
        fieldId: planFieldId("condition", condition.key, "text"),
        kind: "conditionText",
        number: index + 1,
      });
    }
  });
  draft.risks.forEach((risk, index) => {
    if (risk.text.trim() === "") {
      problems.push({ fieldId: planFieldId("risk", risk.key, "text"), kind: "riskText", number: index + 1 });
    }
  });
  draft.agreements.forEach((agreement, index) => {
    if (agreement.text.trim() === "") {
      problems.push({
        fieldId: planFieldId("agreement", agreement.key, "text"),
        kind: "agreementText",
        number: index + 1,
      });
    }
    if (agreement.dueOn !== "" && !isValidDate(agreement.dueOn)) {
      problems.push({
        fieldId: planFieldId("agreement", agreement.key, "due"),
        kind: "agreementDueOn",
        number: index + 1,
      });
    }
  });
  draft.network.forEach((member, index) => {
    if (member.name.trim() === "") {
      problems.push({
        fieldId: planFieldId("network", member.key, "name"),
        kind: "networkName",
        number: index + 1,
      });
    }
  });
  draft.safetyScores.forEach((score, index) => {
    const id = (field: string) => planFieldId("score", score.key, field);
    if (score.party === "") {
      problems.push({ fieldId: id("party"), kind: "scoreParty", number: index + 1 });
    }
    if (!isValidScore(score.score)) {
      problems.push({ fieldId: id("score"), kind: "scoreValue", number: index + 1 });
    }
    if (!isValidDate(score.on)) {
      problems.push({ fieldId: id("on"), kind: "scoreDate", number: index + 1 });
    }
  });
  return problems;
}
