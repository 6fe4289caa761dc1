import type { Plan } from "../../../shared/safety-plan.ts";

export const phaseOrder = ["safety", "risk-driven-care", "recovery"] as const;
export type Phase = (typeof phaseOrder)[number];

export type PhaseBlocker = "acute-unsafety-open" | "no-safety-condition" | "safety-conditions-unmet";

/**
 * Why the case may not move from one phase to another (empty when it may). Safety first: leaving
 * the safety phase needs no open acute unsafety and a plan whose safety conditions exist and are
 * all met. Moving back is always allowed, so a worker can respond to new violence at once.
 */
export function phaseBlockers(
  from: Phase,
  to: Phase,
  plan: Pick<Plan, "safetyConditions">,
  acuteUnsafetyOpen: boolean,
): PhaseBlocker[] {
  const leavingSafety = from === "safety" && phaseOrder.indexOf(to) > phaseOrder.indexOf("safety");
  if (!leavingSafety) {
    return [];
  }
  const blockers: PhaseBlocker[] = [];
  if (acuteUnsafetyOpen) {
    blockers.push("acute-unsafety-open");
  }
  if (plan.safetyConditions.length === 0) {
    blockers.push("no-safety-condition");
  } else if (plan.safetyConditions.some((c) => !c.met)) {
    blockers.push("safety-conditions-unmet");
  }
  return blockers;
}
