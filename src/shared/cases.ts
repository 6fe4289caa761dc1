import { z } from "zod";
import {
  caseEventDate,
  caseEventInstant,
  pastDate,
  restrainingOrderEnd,
  restrainingOrderStart,
  text,
} from "./bounds.ts";
import { minorAnswers } from "./minors.ts";
import { partnerPurposes } from "./network.ts";
import { helpRecordSchema } from "./person-help.ts";

export const phases = ["safety", "risk-driven-care", "recovery"] as const;
export const directions = ["local", "regional"] as const;
/** Why an organisation is involved in a case; involvement drives access. */
export const involvementGrounds = [
  "triage",
  "direction",
  "pending-handover",
  "accepted-handover",
  "network-partner",
  "mda",
  "follow-up",
] as const;
export const handoverStatuses = ["pending", "accepted", "declined", "withdrawn"] as const;

export const caseFlagsSchema = z.object({
  acuteUnsafety: z.boolean(),
  childrenWithoutHelp: z.number().int(),
  restrainingOrderActive: z.boolean(),
  inShelter: z.boolean(),
  mda: z.boolean(),
  minorsToCheck: z.number().int().describe("persons whose minor status is unknown: to check"),
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
  declineReason: z.string().optional().describe("why the receiver declined (declined handovers)"),
  senderPart: z
    .enum(["continues", "ends"])
    .describe("whether the sender's part ends on acceptance (its follow-ups are then scheduled)"),
});
export type Handover = z.infer<typeof handoverSchema>;

export const shelterKinds = ["crisis", "follow-on", "other"] as const;
export const restrainingOrderSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  personId: z.uuid(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().describe("the last day the order applies"),
  extended: z.boolean(),
  latestEndOn: z.iso.date().describe("the latest possible end: 28 days after imposition"),
  active: z.boolean(),
  lifted: z.boolean().describe("lifted before its end (it no longer applies)"),
  recordedByOrganisationId: z.uuid().optional(),
});
export const shelterStaySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  personIds: z.array(z.uuid()),
  kind: z.enum(shelterKinds),
  startsOn: z.iso.date(),
  endedOn: z.iso.date().nullable(),
  active: z.boolean(),
  recordedByOrganisationId: z.uuid().optional(),
  shelterOrganisationId: z.uuid().nullable().optional().describe("the hosting shelter; null: not named"),
});
export const newRestrainingOrderSchema = z.strictObject({
  startsOn: restrainingOrderStart(),
  personId: z.uuid(),
});
export const liftRestrainingOrderSchema = z.strictObject({ reason: text(2000).min(1) });
export const extendRestrainingOrderSchema = z.strictObject({ endsOn: restrainingOrderEnd().optional() });
export const newShelterStaySchema = z.strictObject({
  personIds: z.array(z.uuid()).min(1).max(30),
  kind: z.enum(shelterKinds),
  startsOn: caseEventDate(),
  shelterOrganisationId: z
    .uuid()
    .optional()
    .describe("the shelter organisation (kind shelter) hosting the stay"),
});
export const endShelterStaySchema = z.strictObject({ endedOn: caseEventDate().optional() });

export const caseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  municipalityCode: z.string(),
  status: z.enum(["open", "closed"]),
  phase: z.enum(phases),
  direction: z.enum(directions),
  director: z.object({ userId: z.uuid(), organisationId: z.uuid(), name: z.string().optional() }).nullable(),
  involvedOrganisationIds: z.array(z.uuid()),
  involvements: z.array(
    z.object({
      organisationId: z.uuid(),
      ground: z.enum(involvementGrounds),
      since: z.iso.datetime(),
    }),
  ),
  persons: z.array(
    z.object({
      id: z.uuid(),
      role: z.string(),
      age: z.number().int().optional(),
      helpOffered: z.boolean(),
      help: z.array(z.object({ on: z.iso.date(), description: z.string() })),
      minor: z.enum(minorAnswers).describe("a minor today: the birth date decides, else as stated"),
      minorToCheck: z.boolean().describe("minor status unknown: to check"),
      helpRecords: z.array(helpRecordSchema),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
    }),
  ),
  flags: caseFlagsSchema,
  reportIds: z.array(z.uuid()),
  reports: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      kind: z.enum(["advice", "report"]),
      receivedAt: z.iso.datetime(),
    }),
  ),
  handovers: z.array(handoverSchema),
  restrainingOrders: z.array(restrainingOrderSchema),
  shelterStays: z.array(shelterStaySchema),
  accessGround: z.string().describe("why the caller may see this case"),
  access: z
    .object({
      ground: z.enum(involvementGrounds),
      since: z.iso.datetime(),
      purpose: z.enum(partnerPurposes).optional().describe("a network partner's purpose"),
      view: z
        .enum(["full", "network-partner"])
        .optional()
        .describe("what the policy lets the caller see; absent: the full case"),
    })
    .describe("the same, structured: the caller's organisation's involvement"),
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
  childrenWithoutHelp: z.number().int().describe("children under 18 in the household without help offered"),
  minorsToCheck: z.number().int().describe("persons whose minor status is unknown"),
});

const reason = text(2000).min(1);

export const phaseChangeSchema = z.strictObject({ phase: z.enum(phases), reason });
export const directionChangeSchema = z.strictObject({ direction: z.enum(directions), reason });
export const directorChangeSchema = z.strictObject({ userId: z.uuid() });
export const helpOfferedSchema = z.strictObject({
  date: pastDate(),
  description: text(2000).min(1),
});
export const caseAssessmentSchema = z.strictObject({
  acuteUnsafety: z.boolean(),
  structuralUnsafety: z.boolean(),
  notes: text(10_000).optional(),
});
export const newHandoverSchema = z.strictObject({
  toOrganisationId: z.uuid(),
  warmHandoverAt: caseEventInstant().optional(),
  note: text(5000).min(1),
  senderPart: z.enum(["continues", "ends"]).optional().describe("default continues"),
});
export const declineSchema = z.strictObject({ reason });
export const reasonSchema = z.strictObject({ reason });

export const followUpOutcomes = ["safe", "concerns", "new-violence"] as const;
export const followUpSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string().optional(),
  organisationId: z.uuid(),
  monthsAfterClosure: z.number().int(),
  dueOn: z.iso.date(),
  opensOn: z.iso.date().describe("the outcome can be recorded from this day (two weeks before due)"),
  trigger: z.enum(["closure", "handover"]),
  status: z.enum(["due", "recorded", "cancelled"]),
  overdue: z.boolean(),
  outcome: z.enum(followUpOutcomes).optional(),
  notes: z.string().optional(),
  recordedAt: z.iso.datetime().optional(),
});
export const followUpOutcomeSchema = z.strictObject({
  outcome: z.enum(followUpOutcomes),
  notes: text(5000).optional(),
});

export const historyEntrySchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  kind: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  reason: z.string().optional(),
  details: z.record(z.string(), z.unknown()),
});

export const agreementWorkItemSchema = z.object({
  caseId: z.uuid(),
  caseReference: z.string(),
  agreementId: z.string(),
  text: z.string(),
  dueOn: z.iso.date().nullable(),
  ownerUserId: z.uuid().nullable(),
});

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum([
    "handover-received",
    "handover-accepted",
    "handover-declined",
    "handover-overdue",
    "follow-up-new-violence",
    "network-invited",
    "network-accepted",
    "network-declined",
    "network-ended",
    "network-joined",
  ]),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  handoverId: z.uuid().nullable(),
  partnershipId: z.uuid().nullable().optional(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});
