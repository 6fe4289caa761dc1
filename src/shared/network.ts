import { z } from "zod";
import { text } from "./bounds.ts";

/**
 * Why an organisation joins a case's network (netwerkpartner). Joining is not taking the case
 * over: a partner contributes what its purpose needs and sees only that (the policy's partner
 * view, src/server/access/policy.ts).
 */
export const partnerPurposes = [
  "shelter",
  "safety",
  "child-protection",
  "mental-health",
  "local-support",
  "other",
] as const;
export type PartnerPurpose = (typeof partnerPurposes)[number];

export const partnershipStatuses = ["invited", "declined", "withdrawn", "active", "ended"] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];

export const newPartnershipSchema = z.strictObject({
  organisationId: z.uuid(),
  purpose: z.enum(partnerPurposes),
  purposeText: text(1000).optional(),
});
export type NewPartnership = z.infer<typeof newPartnershipSchema>;

export const partnershipReasonSchema = z.strictObject({ reason: text(2000).min(1) });

export const partnershipSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  organisationId: z.uuid(),
  purpose: z.enum(partnerPurposes),
  purposeText: z.string(),
  status: z.enum(partnershipStatuses),
  invitedByOrganisationId: z.uuid(),
  invitedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  declineReason: z.string().nullable().describe("shown to the case's own workers, not to other partners"),
  endedAt: z.iso.datetime().nullable(),
  endReason: z.string().nullable(),
  viaShelterStay: z.boolean().describe("joined by being named on a shelter stay, without an invitation"),
});
export type Partnership = z.infer<typeof partnershipSchema>;

/** A stay at the caller's shelter, for its start page: no household names, the case holds them. */
export const shelterStayWorkItemSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  kind: z.enum(["crisis", "follow-on", "other"]),
  startsOn: z.iso.date(),
  personCount: z.number().int(),
});
