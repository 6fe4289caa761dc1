import type { Plan } from "../../../../shared/safety-plan";

export type Condition = Plan["safetyConditions"][number];
export type Agreement = Plan["agreements"][number];
export type NetworkMember = Plan["network"][number];
export type SafetyScore = Plan["safetyScores"][number];

/** One item of a list with ids: added, removed, or changed (with both versions). */
export type ItemChange<T> =
  | { kind: "added"; item: T }
  | { kind: "removed"; item: T }
  | { kind: "changed"; before: T; after: T };

/** How one field of the plan differs between two versions; fields without a difference are left out. */
export type FieldComparison =
  | { field: "concerns" | "goal" | "familyWords"; kind: "text"; before: string; after: string }
  | { field: "safetyConditions"; kind: "items"; changes: ItemChange<Condition>[] }
  | { field: "agreements"; kind: "items"; changes: ItemChange<Agreement>[] }
  | { field: "risks"; kind: "values"; added: string[]; removed: string[] }
  | { field: "network"; kind: "values"; added: NetworkMember[]; removed: NetworkMember[] }
  | { field: "safetyScores"; kind: "values"; added: SafetyScore[]; removed: SafetyScore[] }
  | {
      field: "childrenWords";
      kind: "words";
      changes: { personId: string; before: string; after: string }[];
    };

const json = (value: unknown) => JSON.stringify(value);

function compareItems<T extends { id?: string | undefined }>(before: T[], after: T[]): ItemChange<T>[] {
  const keyOf = (item: T, index: number) => item.id ?? `#${index}`;
  const old = new Map(before.map((item, index) => [keyOf(item, index), item]));
  const next = new Map(after.map((item, index) => [keyOf(item, index), item]));
  const changes: ItemChange<T>[] = [];
  after.forEach((item, index) => {
    const previous = old.get(keyOf(item, index));
    if (previous === undefined) {
      changes.push({ kind: "added", item });
    } else if (json(previous) !== json(item)) {
      changes.push({ kind: "changed", before: previous, after: item });
    }
  });
  before.forEach((item, index) => {
    if (!next.has(keyOf(item, index))) {
      changes.push({ kind: "removed", item });
    }
  });
  return changes;
}

/** The items only one list has, counting repeats (a multiset difference by content). */
function compareValues<T>(before: T[], after: T[]): { added: T[]; removed: T[] } {
  const remaining = after.map(json);
  const removed: T[] = [];
  for (const item of before) {
    const index = remaining.indexOf(json(item));
    if (index >= 0) {
      remaining.splice(index, 1);
    } else {
      removed.push(item);
    }
  }
  const left = before.map(json);
  const added: T[] = [];
  for (const item of after) {
    const index = left.indexOf(json(item));
    if (index >= 0) {
      left.splice(index, 1);
    } else {
      added.push(item);
    }
  }
  return { added, removed };
}

/** Per field, what differs from one version of the plan to another, in the order the plan is read. */
export function comparePlans(before: Plan, after: Plan): FieldComparison[] {
  const result: FieldComparison[] = [];
  const text = (field: "concerns" | "goal" | "familyWords") => {
    if (before[field] !== after[field]) {
      result.push({ field, kind: "text", before: before[field], after: after[field] });
    }
  };
  text("concerns");
  text("goal");
  const conditions = compareItems(before.safetyConditions, after.safetyConditions);
  if (conditions.length > 0) {
    result.push({ field: "safetyConditions", kind: "items", changes: conditions });
  }
  const risks = compareValues(before.risks, after.risks);
  if (risks.added.length + risks.removed.length > 0) {
    result.push({ field: "risks", kind: "values", ...risks });
  }
  const agreements = compareItems(before.agreements, after.agreements);
  if (agreements.length > 0) {
    result.push({ field: "agreements", kind: "items", changes: agreements });
  }
  const network = compareValues(before.network, after.network);
  if (network.added.length + network.removed.length > 0) {
    result.push({ field: "network", kind: "values", ...network });
  }
  const scores = compareValues(before.safetyScores, after.safetyScores);
  if (scores.added.length + scores.removed.length > 0) {
    result.push({ field: "safetyScores", kind: "values", ...scores });
  }
  text("familyWords");
  const oldWords = new Map(before.childrenWords.map((entry) => [entry.personId, entry.words]));
  const newWords = new Map(after.childrenWords.map((entry) => [entry.personId, entry.words]));
  const words = [...new Set([...oldWords.keys(), ...newWords.keys()])]
    .map((personId) => ({
      personId,
      before: oldWords.get(personId) ?? "",
      after: newWords.get(personId) ?? "",
    }))
    .filter((change) => change.before !== change.after);
  if (words.length > 0) {
    result.push({ field: "childrenWords", kind: "words", changes: words });
  }
  return result;
}
