import { randomUUID } from "node:crypto";
import type { Plan, PlanInput } from "../../../shared/safety-plan.ts";
import { planSchema } from "../../../shared/safety-plan.ts";

/** Parses a plan as sent and gives every condition and agreement without an id a new one. */
export function withItemIds(input: PlanInput, newId: () => string = randomUUID): Plan {
  const plan = planSchema.parse(input);
  return {
    ...plan,
    safetyConditions: plan.safetyConditions.map((c) => ({ ...c, id: c.id ?? newId() })),
    agreements: plan.agreements.map((a) => ({ ...a, id: a.id ?? newId() })),
  };
}

export interface PlanChange {
  kind:
    | "condition-added"
    | "condition-removed"
    | "condition-met"
    | "condition-unmet"
    | "agreement-added"
    | "agreement-removed"
    | "agreement-status"
    | "text-changed";
  itemId?: string;
  field?: string;
  status?: string;
}

const textFields = ["concerns", "goal", "familyWords"] as const;

/**
 * What a save changed, for the case history: conditions met or unmet, agreements added, done or
 * not done, and which text fields changed (never the text itself: the history is shown widely).
 */
export function planChanges(before: Plan, after: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  const oldConditions = new Map(before.safetyConditions.map((c) => [c.id, c]));
  const newConditions = new Map(after.safetyConditions.map((c) => [c.id, c]));
  for (const [id, c] of newConditions) {
    const old = oldConditions.get(id);
    if (!old) {
      changes.push({ kind: "condition-added", ...(id ? { itemId: id } : {}) });
    } else if (old.met !== c.met) {
      changes.push({ kind: c.met ? "condition-met" : "condition-unmet", ...(id ? { itemId: id } : {}) });
    }
  }
  for (const id of oldConditions.keys()) {
    if (!newConditions.has(id)) {
      changes.push({ kind: "condition-removed", ...(id ? { itemId: id } : {}) });
    }
  }
  const oldAgreements = new Map(before.agreements.map((a) => [a.id, a]));
  const newAgreements = new Map(after.agreements.map((a) => [a.id, a]));
  for (const [id, a] of newAgreements) {
    const old = oldAgreements.get(id);
    if (!old) {
      changes.push({ kind: "agreement-added", ...(id ? { itemId: id } : {}) });
    } else if (old.status !== a.status) {
      changes.push({ kind: "agreement-status", status: a.status, ...(id ? { itemId: id } : {}) });
    }
  }
  for (const id of oldAgreements.keys()) {
    if (!newAgreements.has(id)) {
      changes.push({ kind: "agreement-removed", ...(id ? { itemId: id } : {}) });
    }
  }
  for (const field of textFields) {
    if (before[field] !== after[field]) {
      changes.push({ kind: "text-changed", field });
    }
  }
  for (const field of ["risks", "network", "safetyScores", "childrenWords"] as const) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes.push({ kind: "text-changed", field });
    }
  }
  return changes;
}
