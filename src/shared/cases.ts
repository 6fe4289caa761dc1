import { z } from "zod";

export const phases = ["safety", "risk-driven-care", "recovery"] as const;
export const directions = ["local", "regional"] as const;
export const handoverStatuses = ["pending", "accepted", "declined", "withdrawn"] as const;

export const caseFlagsSchema = z.object({
  acuteUnsafety: z.boolean(),
  childrenWithoutHelp: z.number().int(),
  restrainingOrderActive: z.boolean(),
  inShelter: z.boolean(),
  mda: z.boolean(),
});

export const handoverSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string().optional(),
  fromOrganisationId: z.uuid(),
  toOrganisationId: z.uuid(),
  status: z.enum(handoverStatuses),
  createdAt: z.iso.datetime(),
  dueOn: z.iso.date(),
  overdue: z.boolean(),
  warmHandoverAt: z.iso.datetime().optional(),
  note: z.string().optional(),
  direction: z.enum(["incoming", "outgoing"]).optional(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const caseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  municipalityCode: z.string(),
  status: z.enum(["open", "closed"]),
  phase: z.enum(phases),
  direction: z.enum(directions),
  director: z.object({ userId: z.uuid(), organisationId: z.uuid() }).nullable(),
  involvedOrganisationIds: z.array(z.uuid()),
  persons: z.array(
    z.object({
      id: z.uuid(),
      role: z.string(),
      age: z.number().int().optional(),
      helpOffered: z.boolean(),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
    }),
  ),
  flags: caseFlagsSchema,
  reportIds: z.array(z.uuid()),
  handovers: z.array(handoverSchema),
  accessGround: z.string().describe("why the caller may see this case"),
});
export type CaseDetail = z.infer<typeof caseSchema>;

export const caseListItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  municipalityCode: z.string(),
  status: z.enum(["open", "closed"]),
  phase: z.enum(phases),
  direction: z.enum(directions),
  createdAt: z.iso.datetime(),
  pendingHandover: z.boolean(),
});
