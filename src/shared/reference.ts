import { z } from "zod";

export const organisationKinds = [
  "centre",
  "local-team",
  "shelter",
  "police",
  "child-protection",
  "mda-team",
  "municipality",
  "region",
  "other",
] as const;

export const municipalitySchema = z.object({
  code: z.string().regex(/^GM\d{4}$/),
  name: z.string(),
  inhabitants: z.number().int().nonnegative(),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  municipalityCode: z.string().optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const violenceTypeSchema = z.object({
  code: z.string(),
  label: z.string(),
  group: z.string(),
});
export type ViolenceType = z.infer<typeof violenceTypeSchema>;

export const healthSchema = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgresql"]),
  version: z.string(),
});
