import type { RiskChecklist, RiskLevel } from "../api/intake";

export type ChecklistAnswer = "yes" | "no" | "unknown";
export const riskLevels = ["standard", "medium", "high"] as const satisfies readonly RiskLevel[];

export const levelRank = (level: RiskLevel): number => riskLevels.indexOf(level);

export interface ChecklistScore {
  score: number;
  maximum: number;
  answered: number;
  level: RiskLevel;
}

/**
 * The checklist's score as an aid while the professional fills it in: the weights of the items
 * answered "yes", against the configured thresholds. The server scores again when it is recorded.
 */
export function scoreChecklist(
  checklist: RiskChecklist,
  answers: Readonly<Record<string, ChecklistAnswer>>,
): ChecklistScore {
  let score = 0;
  let answered = 0;
  for (const item of checklist.items) {
    const answer = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (answer === "yes") {
      score += item.weight;
    }
    if (answer !== undefined) {
      answered += 1;
    }
  }
  const { medium, high } = checklist.thresholds;
  const level: RiskLevel = score >= high ? "high" : score >= medium ? "medium" : "standard";
  return { score, maximum: checklist.items.reduce((sum, item) => sum + item.weight, 0), answered, level };
}
