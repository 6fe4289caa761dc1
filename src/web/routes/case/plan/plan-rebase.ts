import { itemContent, newItemKey, type PlanDraft, type PlanField } from "./plan-draft";

/** The outcome of re-applying one's own edits to a newer version of the plan. */
export interface Rebased {
  draft: PlanDraft;
  /** Fields both sides changed differently: the user's edit was kept, and should be checked. */
  overlaps: PlanField[];
}

type Keyed = { key: string };

const byKey = <T extends Keyed>(items: readonly T[]) => new Map(items.map((item) => [item.key, item]));
const same = (a: Keyed, b: Keyed) => itemContent(a) === itemContent(b);

/** A text: the user's value when they changed it, otherwise the newest. */
function mergeText(base: string, mine: string, theirs: string): { value: string; overlap: boolean } {
  if (mine === base) {
    return { value: theirs, overlap: false };
  }
  return { value: mine, overlap: theirs !== base && theirs !== mine };
}

/**
 * Items with a lasting identity (conditions and agreements carry ids; their key is the id). The
 * newest list is the start; the user's additions are appended, their changes replace the newest
 * item of that identity, and their removals remove it — unless the other side changed it
 * meanwhile, in which case the other side's item stays and the field is marked to check.
 */
function mergeIdentified<T extends Keyed>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
): { items: T[]; overlap: boolean } {
  const baseItems = byKey(base);
  const myItems = byKey(mine);
  const theirItems = byKey(theirs);
  let overlap = false;
  const items: T[] = [];
  for (const their of theirs) {
    const original = baseItems.get(their.key);
    const my = myItems.get(their.key);
    if (original === undefined) {
      items.push(their);
    } else if (my === undefined) {
      // Removed by me: gone, unless they changed it meanwhile.
      if (!same(their, original)) {
        overlap = true;
        items.push(their);
      }
    } else if (!same(my, original)) {
      overlap ||= !same(their, original) && !same(their, my);
      items.push(my);
    } else {
      items.push(their);
    }
  }
  for (const my of mine) {
    const original = baseItems.get(my.key);
    if (original === undefined) {
      items.push(my);
    } else if (!theirItems.has(my.key) && !same(my, original)) {
      // Changed by me, removed by them: keep my edit.
      overlap = true;
      items.push(my);
    }
  }
  return { items, overlap };
}

/**
 * Items known only by their content (risks, network members, scores). The user's changes are
 * found by key against the version they started from, then applied to the newest list by content.
 */
function mergeByContent<T extends Keyed>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
): { items: T[]; overlap: boolean } {
  const myItems = byKey(mine);
  const baseKeys = new Set(base.map((item) => item.key));
  const items = [...theirs];
  let overlap = false;
  const indexOfContent = (content: string) => items.findIndex((item) => itemContent(item) === content);
  for (const original of base) {
    const my = myItems.get(original.key);
    if (my !== undefined && same(my, original)) {
      continue;
    }
    const index = indexOfContent(itemContent(original));
    if (my === undefined) {
      if (index >= 0) {
        items.splice(index, 1);
      }
    } else if (index >= 0) {
      // Their key, my content: the item stays "the same item" against the newest version.
      items[index] = { ...my, key: (items[index] as T).key };
    } else {
      overlap = true;
      items.push({ ...my, key: newItemKey() });
    }
  }
  for (const my of mine) {
    if (!baseKeys.has(my.key) && indexOfContent(itemContent(my)) < 0) {
      items.push(my);
    }
  }
  return { items, overlap };
}

/**
 * Re-applies the user's edits (`mine`, started from `base`) to the newest version (`theirs`):
 * every field the user changed takes the user's value, list by list item; everything else takes
 * the newest. Nothing the user typed is lost; where both sides changed the same thing, the user's
 * edit wins and the field is listed in `overlaps`.
 */
export function rebaseDraft(base: PlanDraft, mine: PlanDraft, theirs: PlanDraft): Rebased {
  const overlaps: PlanField[] = [];
  const text = (field: "concerns" | "goal" | "familyWords") => {
    const merged = mergeText(base[field], mine[field], theirs[field]);
    if (merged.overlap) {
      overlaps.push(field);
    }
    return merged.value;
  };
  const list = <T extends Keyed>(field: PlanField, merged: { items: T[]; overlap: boolean }): T[] => {
    if (merged.overlap) {
      overlaps.push(field);
    }
    return merged.items;
  };

  const concerns = text("concerns");
  const goal = text("goal");
  const safetyConditions = list(
    "safetyConditions",
    mergeIdentified(base.safetyConditions, mine.safetyConditions, theirs.safetyConditions),
  );
  const risks = list("risks", mergeByContent(base.risks, mine.risks, theirs.risks));
  const agreements = list("agreements", mergeIdentified(base.agreements, mine.agreements, theirs.agreements));
  const network = list("network", mergeByContent(base.network, mine.network, theirs.network));
  const safetyScores = list(
    "safetyScores",
    mergeByContent(base.safetyScores, mine.safetyScores, theirs.safetyScores),
  );
  const familyWords = text("familyWords");

  const childrenWords: Record<string, string> = {};
  let childrenOverlap = false;
  const personIds = new Set([
    ...Object.keys(base.childrenWords),
    ...Object.keys(mine.childrenWords),
    ...Object.keys(theirs.childrenWords),
  ]);
  for (const personId of personIds) {
    const merged = mergeText(
      base.childrenWords[personId] ?? "",
      mine.childrenWords[personId] ?? "",
      theirs.childrenWords[personId] ?? "",
    );
    childrenOverlap ||= merged.overlap;
    if (merged.value !== "") {
      childrenWords[personId] = merged.value;
    }
  }
  if (childrenOverlap) {
    overlaps.push("childrenWords");
  }

  return {
    draft: {
      concerns,
      goal,
      safetyConditions,
      risks,
      agreements,
      network,
      safetyScores,
      familyWords,
      childrenWords,
    },
    overlaps,
  };
}
