import { z } from "zod";
import { code, line, text } from "./bounds.ts";
import {
  addressSchema,
  createReportSchema,
  householdDecisions,
  personRoles,
  relationSchema,
  reportPersonSchema,
  reportStatuses,
  restrainingOrderAdvices,
} from "./intake.ts";
import { minorAnswerSchema } from "./minors.ts";

const isoDate = z.iso.date();

/**
 * A case of the household a report's persons are known in (open, or closed within 12 months),
 * as the report page shows it for the household choice. What is known inside the case
 * (restraining orders, shelter stays, children) only when the caller may see the case.
 */
export const householdCaseSchema = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  status: z.enum(["open", "closed"]),
  closedAt: z.iso.datetime().optional(),
  recurrence: z.boolean().describe("closed less than 12 months ago"),
  personKeys: z.array(z.string()).describe("the persons of this report known in the case"),
  sameHousehold: z
    .boolean()
    .describe("every person of the case is among the report's persons, or the reverse"),
  suggestedDecision: z.enum(householdDecisions),
  visible: z.boolean().describe("whether the caller may see the case (then what is known follows)"),
  known: z
    .object({
      restrainingOrders: z.array(z.object({ personId: z.uuid(), startsOn: isoDate, endsOn: isoDate })),
      shelterStays: z.array(z.object({ kind: z.string(), startsOn: isoDate, personCount: z.number().int() })),
      children: z.array(
        z.object({
          personId: z.uuid(),
          firstName: z.string().optional(),
          lastName: z.string().optional(),
          age: z.number().int().optional(),
          minor: minorAnswerSchema,
        }),
      ),
    })
    .optional(),
});
export type HouseholdCase = z.infer<typeof householdCaseSchema>;

export const reportHouseholdSchema = z.object({
  cases: z.array(householdCaseSchema),
  decisionRequired: z
    .boolean()
    .describe("triage needs a household choice (join or a new linked case) before it opens a case"),
});
export type ReportHousehold = z.infer<typeof reportHouseholdSchema>;

/** A link between two cases, shown on both. */
export const caseLinkSchema = z.object({
  id: z.uuid(),
  otherCaseId: z.uuid(),
  otherCaseReference: z.string(),
  direction: z
    .enum(["to", "from"])
    .describe("to: this case was linked to the other; from: the other to this"),
  reason: z.string(),
  reportId: z.uuid().optional(),
  createdBy: z.uuid(),
  createdByName: z.string().optional(),
  createdByOrganisationId: z.uuid(),
  createdAt: z.iso.datetime(),
});
export type CaseLink = z.infer<typeof caseLinkSchema>;

/** The body of POST /police/reports: a report the police submits itself. */
export const policeReportSchema = z
  .strictObject({
    municipalityCode: z.string().regex(/^GM\d{4}$/, "a CBS municipality code such as GM0193"),
    incidentNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,40}$/, "the police's incident number (letters, digits, dashes)"),
    restrainingOrderAdvice: z.enum(restrainingOrderAdvices),
    persons: z.array(reportPersonSchema).min(1).max(30),
    relations: z.array(relationSchema).max(100).default([]),
    violenceTypes: z.array(code(60)).max(30).default([]),
    narrative: text(20_000).min(1),
    acuteConcern: z.boolean(),
    contact: line(200).optional().describe("how the centre reaches the officer for feedback"),
  })
  .superRefine((report, ctx) => {
    // The same structural checks as a report (unique keys, relations between persons).
    const parsed = createReportSchema.safeParse({
      kind: "report",
      receivedAt: "2026-01-01T00:00:00Z",
      channel: "police",
      reporter: { category: "police" },
      municipalityCode: "GM0000",
      persons: report.persons,
      relations: report.relations,
      violenceTypes: [],
      narrative: "x",
      acuteConcern: false,
    });
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      if (issue.path[0] === "persons" || issue.path[0] === "relations") {
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      }
    }
  });
export type PoliceReport = z.infer<typeof policeReportSchema>;

/** What the police sees of the reports it sent itself: nothing it did not send. */
export const submittedReportSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  receivedOn: isoDate,
  status: z.enum(reportStatuses),
  incidentNumber: z.string().optional(),
});

/** The persons of a case's household, to pre-fill a new report (GET /cases/{id}/report-prefill). */
export const reportPrefillSchema = z.object({
  caseId: z.uuid(),
  caseReference: z.string(),
  municipalityCode: z.string(),
  persons: z.array(
    z.object({
      personId: z.uuid(),
      role: z.enum(personRoles),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      birthDate: isoDate.optional(),
      bsn: z.string().optional(),
      minor: minorAnswerSchema,
      address: addressSchema.optional(),
    }),
  ),
});
export type ReportPrefill = z.infer<typeof reportPrefillSchema>;
