import type { TFunction } from "i18next";
import type { FieldProblem } from "../../../forms/problems";
import { type DraftProblem, type PlanDraft, planFieldId } from "./plan-draft";

const legendOf: Record<DraftProblem["kind"], "condition" | "risk" | "agreement" | "network" | "score"> = {
  conditionText: "condition",
  riskText: "risk",
  agreementText: "agreement",
  agreementDueOn: "agreement",
  networkName: "network",
  scoreParty: "score",
  scoreValue: "score",
  scoreDate: "score",
};

/** The editor's own findings as field problems: the message at the field, with the item named in the summary. */
export function fieldProblemsOf(t: TFunction, problems: readonly DraftProblem[]): FieldProblem[] {
  return problems.map((problem) => {
    const message = t(`plan.errors.${problem.kind}`);
    const item = t(`plan.${legendOf[problem.kind]}.legend`, { number: problem.number });
    return { fieldId: problem.fieldId, message, summary: t("plan.errors.summary", { item, message }) };
  });
}

const lists = {
  safetyConditions: { name: "condition", fields: { text: "text" } },
  risks: { name: "risk", fields: {} },
  agreements: {
    name: "agreement",
    fields: { text: "text", dueOn: "due", ownerOrganisationId: "owner", status: "status" },
  },
  network: { name: "network", fields: { name: "name", relation: "relation", role: "role" } },
  safetyScores: { name: "score", fields: { party: "party", score: "score", on: "on" } },
} as const;

/**
 * The server's validation errors (paths such as "plan.agreements.1.dueOn") as problems at the
 * editor's fields; errors it cannot place are left out (the caller then shows a general message).
 */
export function serverProblemsOf(
  t: TFunction,
  draft: PlanDraft,
  errors: readonly { path: string }[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const { path } of errors) {
    const text = /^plan\.(concerns|goal|familyWords)$/.exec(path);
    if (text?.[1] !== undefined) {
      const message = t("plan.errors.tooLong");
      problems.push({ fieldId: `plan-${text[1]}`, message });
      continue;
    }
    const item = /^plan\.(safetyConditions|risks|agreements|network|safetyScores)\.(\d+)(?:\.(\w+))?/.exec(
      path,
    );
    const listName = item?.[1] as keyof typeof lists | undefined;
    if (item === null || listName === undefined) {
      continue;
    }
    const list = lists[listName];
    const index = Number(item[2]);
    const key = draft[listName][index]?.key;
    if (key === undefined) {
      continue;
    }
    const fields: Record<string, string> = list.fields;
    const field = fields[item[3] ?? ""] ?? Object.values(fields)[0] ?? "text";
    const message = t("plan.errors.invalid");
    problems.push({
      fieldId: planFieldId(list.name, key, field),
      message,
      summary: t("plan.errors.summary", {
        item: t(`plan.${list.name}.legend`, { number: index + 1 }),
        message,
      }),
    });
  }
  return problems;
}
