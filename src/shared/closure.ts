import { z } from "zod";
import { line, text } from "./bounds.ts";

/**
 * Why a case cannot be closed yet. The first three are hard: nobody can close past them. The
 * others the case director may close past, with a written reason per item.
 */
export const hardClosureBlockers = [
  "acute-unsafety-open",
  "restraining-order-active",
  "shelter-stay-open",
] as const;
export const overridableClosureBlockers = [
  "minor-without-help",
  "agreement-open",
  "handover-pending",
] as const;
export const closureBlockerCodes = [...hardClosureBlockers, ...overridableClosureBlockers] as const;
export type ClosureBlockerCode = (typeof closureBlockerCodes)[number];

export const closureBlockerSchema = z.object({
  code: z.enum(closureBlockerCodes),
  message: z.string(),
  itemId: z.string().optional(),
  overridable: z.boolean(),
});
export type ClosureBlocker = z.infer<typeof closureBlockerSchema>;

export const closureOverrideSchema = z.strictObject({
  code: z.enum(overridableClosureBlockers),
  itemId: line(100).min(1).optional(),
  reason: text(2000).min(1),
});

/** `POST /cases/{id}/close`: the reason, and the director's reason per overridable item. */
export const closeCaseSchema = z.strictObject({
  reason: text(2000).min(1),
  overrides: z.array(closureOverrideSchema).max(100).optional(),
});
export type CloseCaseInput = z.infer<typeof closeCaseSchema>;
