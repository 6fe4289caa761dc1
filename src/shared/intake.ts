import { z } from "zod";
import { birthDate, code, line, receivedInstant, text } from "./bounds.ts";
import { bsnSchema } from "./bsn.ts";
import { keepingRoutes, keepReasons } from "./centre-work.ts";
import { minorAnswerSchema } from "./minors.ts";

export const reportKinds = ["advice", "report"] as const;
export const channels = ["phone", "web", "police", "mail", "in-person"] as const;
export const reporterCategories = ["police", "professional", "resident", "anonymous", "self"] as const;
export const sectors = [
  "education",
  "general-practice",
  "healthcare",
  "childcare",
  "youth-care",
  "social-support",
  "justice",
  "other",
  // The national statistics' further sectors (DOMAIN.md 6), added in issue 7.
  "mental-health-care",
  "compulsory-education-officer",
  "other-centre",
] as const;
/** Who a non-professional reporter is to the family (the national statistics' kinds). */
export const reporterRelationships = ["victim", "family", "neighbour", "other-resident"] as const;
/** What the police advises or did about a restraining order (tijdelijk huisverbod). */
export const restrainingOrderAdvices = ["advised", "not-advised", "imposed", "unknown"] as const;
/** The household choice when a report's persons are known in an open or recently closed case. */
export const householdDecisions = ["join", "linked-case"] as const;
export const personRoles = ["victim", "alleged-perpetrator", "child-witness", "other"] as const;
export const relationTypes = ["partner", "ex-partner", "parent", "sibling", "carer", "other"] as const;
export const reportStatuses = ["awaiting-assessment", "awaiting-triage", "triaged"] as const;
export const routes = [
  "close-with-advice",
  "handover",
  "conditions-and-follow-up",
  "investigation",
  "mda",
  // The centre acts at once: restraining order or shelter (src/shared/centre-work.ts).
  "crisis",
] as const;
export const earlierInvolvements = ["first", "re-report", "during-involvement", "not-classified"] as const;
/**
 * The detail of the class: for a re-report how many persons were known, for a report during
 * involvement when it came in.
 */
export const earlierInvolvementDetails = [
  "one-person-known",
  "several-persons-known",
  "during-safety-assessment",
  "after-safety-assessment",
  "during-monitoring",
] as const;
export const matchReasons = ["bsn", "name", "birthDate", "address"] as const;

const isoDate = z.iso.date();

export const addressSchema = z.strictObject({
  street: line(200).optional(),
  houseNumber: line(20).optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, "a Dutch postcode such as 8011 AB")
    .optional(),
  city: line(100).optional(),
});

export const reportPersonSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, "a short key such as p1"),
  firstName: line(100).optional(),
  lastName: line(150).optional(),
  birthDate: birthDate().optional(),
  bsn: bsnSchema.optional(),
  role: z.enum(personRoles),
  address: addressSchema.optional(),
  minor: minorAnswerSchema
    .optional()
    .describe("whether the person is a minor, as stated; a birth date decides when there is one"),
});

export const relationSchema = z.strictObject({
  from: line(20),
  to: line(20),
  type: z.enum(relationTypes),
});

export const reporterSchema = z.strictObject({
  category: z.enum(reporterCategories),
  sector: z.enum(sectors).optional(),
  name: line(200).optional(),
  organisation: line(200).optional(),
  contact: line(200).optional().describe("phone number or e-mail address for feedback to the reporter"),
  relationship: z
    .enum(reporterRelationships)
    .optional()
    .describe("for a non-professional reporter: who they are to the family"),
});

/**
 * The checks across fields of a report, run together with the field checks so that every problem
 * is listed at once: unique person keys, relations between two different persons of the report,
 * a sector only for a professional reporter.
 */
function checkReportStructure(
  report: {
    persons?: { key?: unknown }[] | undefined;
    relations?: { from?: unknown; to?: unknown }[] | undefined;
    reporter?: { category?: unknown; sector?: unknown; relationship?: unknown } | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  const persons = Array.isArray(report.persons) ? report.persons : [];
  const keys = persons.map((p) => p?.key);
  keys.forEach((key, i) => {
    if (typeof key === "string" && keys.indexOf(key) !== i) {
      ctx.addIssue({
        code: "custom",
        path: ["persons", i, "key"],
        message: "keys must be unique within the report",
      });
    }
  });
  const relations = Array.isArray(report.relations) ? report.relations : [];
  relations.forEach((r, i) => {
    for (const end of ["from", "to"] as const) {
      if (typeof r?.[end] === "string" && !keys.includes(r[end])) {
        ctx.addIssue({
          code: "custom",
          path: ["relations", i, end],
          message: "names no person of this report",
        });
      }
    }
    if (typeof r?.from === "string" && r.from === r.to) {
      ctx.addIssue({
        code: "custom",
        path: ["relations", i, "to"],
        message: "a relation needs two different persons",
      });
    }
  });
  if (report.reporter?.sector !== undefined && report.reporter.category !== "professional") {
    ctx.addIssue({
      code: "custom",
      path: ["reporter", "sector"],
      message: "only a professional reporter has a sector",
    });
  }
  if (
    report.reporter?.relationship !== undefined &&
    (report.reporter.category === "professional" || report.reporter.category === "police")
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["reporter", "relationship"],
      message: "only a non-professional reporter has a relationship to the family",
    });
  }
}

const reportFields = z.strictObject({
  kind: z.enum(reportKinds),
  // Deadlines are counted with the holiday calendar, which starts in 2014.
  receivedAt: receivedInstant(),
  channel: z.enum(channels),
  reporter: reporterSchema,
  municipalityCode: z.string().regex(/^GM\d{4}$/, "a CBS municipality code such as GM0193"),
  persons: z.array(reportPersonSchema).min(1).max(30),
  relations: z.array(relationSchema).max(100).default([]),
  violenceTypes: z.array(code(60)).max(30).default([]),
  narrative: text(20_000).min(1),
  acuteConcern: z.boolean(),
});

/** The body of POST /reports (melding of adviesvraag). */
export const createReportSchema = reportFields.superRefine(checkReportStructure);
export type CreateReport = z.infer<typeof createReportSchema>;

/** The public web form: no channel, reporter category limited, no internal fields. */
export const publicReportSchema = reportFields
  .omit({ channel: true, receivedAt: true })
  .extend({
    reporter: reporterSchema.extend({
      category: z.enum(["professional", "resident", "anonymous", "self"]),
    }),
  })
  .superRefine(checkReportStructure);
export type PublicReport = z.infer<typeof publicReportSchema>;

export const deadlinesSchema = z
  .object({
    safetyAssessment: isoDate.nullable(),
    triage: isoDate.nullable(),
  })
  .describe(
    "due dates in working days; null for an advice request while advice requests have no deadline (the default)",
  );

/** A step done after its due date: when, and how many working days late. */
export const stepLatenessSchema = z.object({
  dueOn: isoDate,
  doneOn: isoDate,
  workingDaysLate: z.number().int().min(1),
});
export const latenessSchema = z
  .object({ safetyAssessment: stepLatenessSchema.optional(), triage: stepLatenessSchema.optional() })
  .describe("the steps done after their due date; lateness stays visible after a step is done");

export const matchSchema = z.object({
  id: z.uuid(),
  personKey: z.string(),
  personId: z.uuid(),
  caseId: z.uuid().optional(),
  caseReference: z.string().optional(),
  caseStatus: z.enum(["open", "closed"]).optional(),
  score: z.number(),
  reasons: z.array(z.enum(matchReasons)),
  status: z.enum(["proposed", "confirmed", "dismissed"]),
  candidate: z
    .object({
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      birthDate: isoDate.optional(),
      postcode: z.string().optional(),
      houseNumber: z.string().optional(),
      city: z.string().optional(),
    })
    .optional()
    .describe("the known person as Schakel knows them (in the report's detail, for the centre)"),
});

export const createdReportSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(reportKinds),
  status: z.enum(reportStatuses),
  deadlines: deadlinesSchema,
  earlierInvolvement: z.enum(earlierInvolvements),
  matches: z.array(matchSchema),
});

export const safetyAssessmentInputSchema = z.strictObject({
  acuteUnsafety: z.boolean(),
  structuralUnsafety: z.boolean(),
  immediateMeasures: z.array(text(500).min(1)).max(30),
  notes: text(10_000).optional(),
  checklist: z
    .strictObject({
      answers: z.record(code(60), z.enum(["yes", "no", "unknown"])),
      professionalLevel: z.enum(["standard", "medium", "high"]).optional(),
    })
    .optional(),
});
export type SafetyAssessmentInput = z.infer<typeof safetyAssessmentInputSchema>;

export const householdChoiceSchema = z
  .strictObject({
    decision: z.enum(householdDecisions),
    caseId: z.uuid().describe("the household's open or recently closed case the choice is about"),
    reason: text(2000).min(1).optional().describe("why a new linked case (required for linked-case)"),
  })
  .superRefine((choice, ctx) => {
    if (choice.decision === "linked-case" && choice.reason === undefined) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "required for a new linked case" });
    }
  });
export type HouseholdChoice = z.infer<typeof householdChoiceSchema>;

export const triageInputSchema = z
  .strictObject({
    route: z.enum(routes),
    toOrganisationId: z.uuid().optional(),
    rationale: text(10_000).min(1),
    keepReason: z
      .enum(keepReasons)
      .optional()
      .describe("why the centre keeps the case: required on the routes where it does, refused on others"),
    household: householdChoiceSchema
      .optional()
      .describe(
        "required when the report's persons are known in an open case or one closed within 12 months (409 otherwise)",
      ),
  })
  .superRefine((triage, ctx) => {
    const keeps = (keepingRoutes as readonly string[]).includes(triage.route);
    if (keeps && triage.keepReason === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["keepReason"],
        message: "required when the centre keeps the case",
      });
    } else if (!keeps && triage.route !== undefined && triage.keepReason !== undefined) {
      ctx.addIssue({ code: "custom", path: ["keepReason"], message: "only when the centre keeps the case" });
    }
  });
export type TriageInput = z.infer<typeof triageInputSchema>;

export const reportQueueItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(reportKinds),
  status: z.enum(reportStatuses),
  receivedAt: z.iso.datetime(),
  municipalityCode: z.string(),
  acuteConcern: z.boolean(),
  violenceTypes: z.array(z.string()),
  earlierInvolvement: z.enum(earlierInvolvements),
  personCount: z.number().int(),
  deadlines: deadlinesSchema,
  dueOn: isoDate.nullable().describe("the deadline of the current step; null once triaged"),
  overdue: z.boolean(),
  caseId: z.uuid().optional(),
  lateness: latenessSchema,
});
export type ReportQueueItem = z.infer<typeof reportQueueItemSchema>;

export const checklistResultSchema = z.object({
  checklistId: z.string(),
  version: z.number().int(),
  answers: z.record(z.string(), z.enum(["yes", "no", "unknown"])),
  score: z.number().int(),
  level: z.enum(["standard", "medium", "high"]),
  professionalLevel: z.enum(["standard", "medium", "high"]).optional(),
});

export const assessmentSchema = z.object({
  id: z.uuid(),
  acuteUnsafety: z.boolean(),
  structuralUnsafety: z.boolean(),
  immediateMeasures: z.array(z.string()),
  notes: z.string().optional(),
  assessedAt: z.iso.datetime(),
  assessedBy: z.uuid(),
  checklist: checklistResultSchema.optional(),
  earlierInvolvement: z
    .enum(earlierInvolvements)
    .optional()
    .describe("the report's earlier-involvement class as it stood at this assessment (kept for the figures)"),
  earlierInvolvementDetail: z.enum(earlierInvolvementDetails).optional(),
});

export const reportDetailSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(reportKinds),
  status: z.enum(reportStatuses),
  receivedAt: z.iso.datetime(),
  receivedOn: isoDate,
  channel: z.enum(channels),
  municipalityCode: z.string(),
  reporter: z.object({
    category: z.enum(reporterCategories),
    sector: z.enum(sectors).optional(),
    name: z.string().optional(),
    organisation: z.string().optional(),
    contact: z.string().optional(),
    relationship: z.enum(reporterRelationships).optional(),
  }),
  police: z
    .object({
      incidentNumber: z.string().optional(),
      restrainingOrderAdvice: z.enum(restrainingOrderAdvices).optional(),
    })
    .optional()
    .describe("the police's own fields, for a report the police submitted"),
  persons: z.array(
    z.object({
      key: z.string(),
      personId: z.uuid(),
      role: z.enum(personRoles),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      birthDate: isoDate.optional(),
      age: z.number().int().optional(),
      minor: minorAnswerSchema.describe("a minor today: the birth date decides, else what intake recorded"),
      bsn: z.string().optional(),
      address: z
        .object({
          street: z.string().optional(),
          houseNumber: z.string().optional(),
          postcode: z.string().optional(),
          city: z.string().optional(),
        })
        .optional(),
    }),
  ),
  relations: z.array(z.object({ from: z.string(), to: z.string(), type: z.enum(relationTypes) })),
  violenceTypes: z.array(z.string()),
  narrative: z.string(),
  acuteConcern: z.boolean(),
  deadlines: deadlinesSchema,
  overdue: z.boolean(),
  lateness: latenessSchema,
  earlierInvolvement: z.enum(earlierInvolvements),
  earlierInvolvementDetail: z.string().optional(),
  recurrence: z.boolean(),
  caseId: z.uuid().optional(),
  matches: z.array(matchSchema),
  assessment: assessmentSchema.optional(),
  triage: z
    .object({
      route: z.enum(routes),
      toOrganisationId: z.uuid().optional(),
      rationale: z.string(),
      caseId: z.uuid().optional(),
      decidedAt: z.iso.datetime(),
      keepReason: z.enum(keepReasons).optional(),
      household: z
        .object({ decision: z.enum(householdDecisions), caseId: z.uuid() })
        .optional()
        .describe("the household choice made at triage, when one was needed"),
    })
    .optional(),
  kindChanges: z.array(
    z.object({
      from: z.enum(reportKinds),
      to: z.enum(reportKinds),
      reason: z.string(),
      at: z.iso.datetime(),
    }),
  ),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

const localised = z.object({ nl: z.string(), en: z.string() });
/** The active risk checklist as the assessment form shows it: an aid, never a verdict. */
export const riskChecklistSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: localised,
  items: z.array(z.object({ id: z.string(), text: localised, weight: z.number().int() })),
  thresholds: z.object({ medium: z.number().int(), high: z.number().int() }),
});
