import { z } from "zod";
import { caseEventDate, line, pastDate, text, token } from "./bounds.ts";

/** Ids of plan items are assigned by the server when absent, so a client can add items freely. */
export const planItemId = token(40);
const itemId = planItemId.optional();

export const agreementStatuses = ["open", "done", "not-done"] as const;
export const scoreParties = ["family", "child", "professional", "network"] as const;

export const safetyConditionSchema = z.strictObject({
  id: itemId,
  text: text(1000).min(1),
  met: z.boolean().default(false),
});

export const agreementSchema = z.strictObject({
  id: itemId,
  text: text(1000).min(1),
  ownerOrganisationId: z.uuid().nullable().default(null),
  ownerUserId: z.uuid().nullable().default(null),
  dueOn: caseEventDate().nullable().default(null),
  status: z.enum(agreementStatuses).default("open"),
});

/** The safety plan (veiligheidsplan): one living document per household, versioned on every save. */
export const planSchema = z.strictObject({
  concerns: text(10_000).default(""),
  goal: text(2_000).default(""),
  safetyConditions: z.array(safetyConditionSchema).max(50).default([]),
  risks: z.array(text(1000).min(1)).max(50).default([]),
  agreements: z.array(agreementSchema).max(100).default([]),
  network: z
    .array(
      z.strictObject({
        name: line(200).min(1),
        relation: line(100).default(""),
        role: text(500).default(""),
      }),
    )
    .max(50)
    .default([]),
  safetyScores: z
    .array(
      z.strictObject({
        party: z.enum(scoreParties),
        score: z.number().int().min(0).max(10),
        on: pastDate(),
      }),
    )
    .max(200)
    .default([]),
  familyWords: text(10_000).default(""),
  childrenWords: z
    .array(z.strictObject({ personId: z.uuid(), words: text(5_000) }))
    .max(30)
    .default([]),
});
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

export const emptyPlan = (): Plan => planSchema.parse({});

export const planDocumentSchema = z.object({
  version: z.number().int().min(1),
  updatedAt: z.iso.datetime(),
  updatedBy: z.object({ userId: z.uuid().nullable(), organisationId: z.uuid().nullable() }),
  plan: planSchema,
});
export type PlanDocument = z.infer<typeof planDocumentSchema>;

export const planVersionSchema = z.object({
  version: z.number().int(),
  authorUserId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  authorOrganisationId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
