import { z } from "zod";

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  userId: z.uuid().nullable(),
  role: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  onBehalfOf: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  caseId: z.uuid().optional(),
  personIds: z.array(z.uuid()),
  purpose: z.string().optional().describe("the ground of access (grondslag)"),
  emergency: z.boolean(),
  remoteAddress: z.string().nullable(),
  outcome: z.enum(["success", "failure", "denied"]),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const brokenRangeSchema = z.object({
  fromSeq: z
    .number()
    .int()
    .describe("the first sequence number of the range (an entry removed from it included)"),
  toSeq: z.number().int().describe("the last sequence number of the range"),
  fromAt: z.iso.datetime().describe("when the range's first stored entry was written"),
  toAt: z.iso.datetime().describe("when the range's last stored entry was written"),
});

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int().describe("entries checked and found intact before the first broken one"),
  checked: z.number().int().describe("entries checked in all, broken ones included"),
  firstBrokenAt: z.iso.datetime().optional().describe("when the first broken entry was written"),
  firstBrokenSeq: z.number().int().optional().describe("the sequence number of the first broken entry"),
  brokenRanges: z
    .array(brokenRangeSchema)
    .describe(
      "every run of entries that does not hold, oldest first; the check goes on past each, from the broken entry's own stored hash",
    ),
});

export const accessReportItemSchema = z.object({
  at: z.iso.datetime(),
  userId: z.uuid().nullable(),
  userDisplayName: z.string().nullable(),
  role: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  action: z.string(),
  purpose: z.string().optional(),
  emergency: z.boolean(),
});
