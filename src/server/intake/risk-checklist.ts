import { z } from "zod";
import { AppError } from "../errors.ts";

export const riskLevels = ["standard", "medium", "high"] as const;
export type RiskLevel = (typeof riskLevels)[number];
export type ChecklistAnswer = "yes" | "no" | "unknown";

const localisedText = z.strictObject({
  nl: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});

// Item ids become keys of stored answers and of `checklist.answers.<id>` error paths, so keep them plain.
const itemId = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens");

/** A risk checklist definition: items with weights, and the score thresholds of the medium and high levels. */
export const checklistDefinitionSchema = z
  .strictObject({
    $comment: z.string().optional(),
    id: itemId,
    version: z.number().int().min(1),
    title: localisedText,
    items: z
      .array(
        z.strictObject({
          id: itemId,
          text: localisedText,
          weight: z.number().int().min(0).max(100),
        }),
      )
      .min(1)
      .max(200),
    thresholds: z.strictObject({
      medium: z.number().int().min(1),
      high: z.number().int().min(1),
    }),
  })
  .superRefine((definition, context) => {
    const seen = new Set<string>();
    definition.items.forEach((item, index) => {
      if (seen.has(item.id)) {
        context.addIssue({
          code: "custom",
          path: ["items", index, "id"],
          message: `duplicate item id "${item.id}"`,
        });
      }
      seen.add(item.id);
    });
    const { medium, high } = definition.thresholds;
    if (medium >= high) {
      context.addIssue({ code: "custom", path: ["thresholds"], message: "medium must be below high" });
    }
    const maximum = definition.items.reduce((sum, item) => sum + item.weight, 0);
    if (high > maximum) {
      context.addIssue({
        code: "custom",
        path: ["thresholds", "high"],
        message: `high (${high}) cannot be reached: the weights add up to ${maximum}`,
      });
    }
  })
  .transform(({ $comment: _comment, ...definition }) => definition);

export type ChecklistDefinition = z.output<typeof checklistDefinitionSchema>;

/** Checks a checklist definition read from configuration or the database, listing every problem when it is not valid. */
export function parseChecklist(json: unknown): ChecklistDefinition {
  const result = checklistDefinitionSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`The risk checklist is not valid:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/** Answers that name items the checklist does not have; a client error, so it carries the 400 code. */
export class UnknownChecklistItemsError extends AppError {
  readonly unknownItemIds: string[];

  constructor(unknownItemIds: string[]) {
    super(
      "INVALID_INPUT",
      `The answers name items that are not on the checklist: ${unknownItemIds.join(", ")}.`,
      {
        errors: unknownItemIds.map((id) => ({
          path: `answers.${id}`,
          message: "not an item of the checklist",
        })),
      },
    );
    this.name = "UnknownChecklistItemsError";
    this.unknownItemIds = unknownItemIds;
  }
}

export interface ChecklistScore {
  /** Sum of the weights of the items answered "yes". */
  score: number;
  /** Items answered "yes" or "no". */
  answered: number;
  /** Items answered "unknown" or left without an answer; they add nothing to the score. */
  unknown: number;
  /** The level the score alone gives. */
  computedLevel: RiskLevel;
  /** The level to show: the computed level, raised by the professional's judgement when that is higher. */
  level: RiskLevel;
  raisedByProfessional: boolean;
  /** True when the professional gave a lower level than the score: the checklist never lowers by judgement. */
  professionalLevelIgnored: boolean;
}

const rank = (level: RiskLevel): number => riskLevels.indexOf(level);

/**
 * Scores the answers to a checklist as an aid to judgement: the professional's level may raise the
 * result but never lower it; answers for items not on the checklist throw UnknownChecklistItemsError.
 */
export function scoreChecklist(
  definition: ChecklistDefinition,
  answers: Readonly<Record<string, ChecklistAnswer>>,
  professionalLevel?: RiskLevel,
): ChecklistScore {
  const itemIds = new Set(definition.items.map((item) => item.id));
  const unknownItemIds = Object.keys(answers).filter((id) => !itemIds.has(id));
  if (unknownItemIds.length > 0) {
    throw new UnknownChecklistItemsError(unknownItemIds.sort());
  }

  let score = 0;
  let answered = 0;
  for (const item of definition.items) {
    // Object.hasOwn: an item id such as "constructor" must not pick up a prototype property.
    const answer = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (answer === "yes") {
      score += item.weight;
    }
    if (answer === "yes" || answer === "no") {
      answered += 1;
    }
  }

  const { medium, high } = definition.thresholds;
  const computedLevel: RiskLevel = score >= high ? "high" : score >= medium ? "medium" : "standard";
  const raisedByProfessional =
    professionalLevel !== undefined && rank(professionalLevel) > rank(computedLevel);
  return {
    score,
    answered,
    unknown: definition.items.length - answered,
    computedLevel,
    level: raisedByProfessional && professionalLevel ? professionalLevel : computedLevel,
    raisedByProfessional,
    professionalLevelIgnored:
      professionalLevel !== undefined && rank(professionalLevel) < rank(computedLevel),
  };
}
