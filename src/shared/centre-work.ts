import { z } from "zod";
import { text as boundedText, code, pastDate } from "./bounds.ts";

/**
 * The centre's own routes (DOMAIN.md 1): the trajectories it runs itself (investigation,
 * conditions-and-follow-up), its tasks towards the reporter and the family, crisis, and requests
 * to the child protection board.
 */

/** Why the centre keeps a case itself instead of handing it over (DOMAIN.md 1). */
export const keepReasons = [
  "direct-intervention",
  "insufficient-information",
  "family-refuses-help",
  "anonymity-promised",
] as const;
/** The triage routes on which the centre keeps the case, and so must say why. */
export const keepingRoutes = ["conditions-and-follow-up", "investigation", "crisis"] as const;
export const trajectoryKinds = ["investigation", "conditions-and-follow-up"] as const;
export type TrajectoryKind = (typeof trajectoryKinds)[number];
export const findings = ["confirmed", "not-confirmed", "refuted"] as const;
export const taskKinds = [
  "reporter-feedback-assessment",
  "reporter-feedback-investigation",
  "inform-family",
] as const;
export type TaskKind = (typeof taskKinds)[number];
export const boardOutcomes = ["declined", "no-measure", "measure-requested", "other"] as const;

const isoDate = z.iso.date();
const text = (max: number) => boundedText(max).min(1);

/** A date of the centre's work: from 2014 (the calendar's first year), never in the future. */
export const pastWorkDate = pastDate();

/** How late a step is or was, in calendar days (0 when on time); stays after it is done. */
export const latenessSchema = z.object({
  dueOn: isoDate.nullable(),
  overdue: z.boolean().describe("not done and past its due date"),
  daysLate: z.number().int().describe("days past the due date: now when open, at completion when done"),
  daysLeft: z.number().int().nullable().describe("calendar days until the due date while open"),
});

export const trajectorySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  reportId: z.uuid(),
  kind: z.enum(trajectoryKinds),
  organisationId: z.uuid(),
  keepReason: z.enum(keepReasons).nullable(),
  triagedOn: isoDate,
  startedOn: isoDate.nullable(),
  weeks: z.number().int().nullable().describe("the period in force when it started (default 10)"),
  waitDays: z.number().int().describe("calendar days from triage to start (to today while not started)"),
  status: z.enum(["not-started", "running", "done"]),
  completedOn: isoDate.nullable(),
  lateness: latenessSchema,
  outcome: z
    .object({
      notes: z.string().optional(),
      findings: z.array(z.object({ violenceType: z.string(), finding: z.enum(findings) })),
      conditions: z
        .array(z.object({ id: z.string(), text: z.string(), met: z.boolean() }))
        .describe("the safety plan's conditions as they stood at the outcome (a snapshot)"),
      planVersion: z.number().int().nullable(),
    })
    .nullable(),
  violenceTypes: z.array(z.string()).describe("the violence types of the case's reports: one finding each"),
});
export type Trajectory = z.infer<typeof trajectorySchema>;

export const startTrajectorySchema = z.strictObject({ startedOn: pastWorkDate });

export const trajectoryOutcomeSchema = z.strictObject({
  completedOn: pastWorkDate,
  findings: z
    .array(z.strictObject({ violenceType: code(60), finding: z.enum(findings) }))
    .max(30)
    .optional()
    .describe("investigation: one finding per violence type of the case's reports"),
  notes: boundedText(5000).optional(),
});

export const taskSchema = z.object({
  id: z.uuid(),
  kind: z.enum(taskKinds),
  reportId: z.uuid(),
  reportReference: z.string(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  trajectoryId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  doneOn: isoDate.nullable(),
  doneNotes: z.string().nullable().describe("what was said"),
  lateness: latenessSchema,
  reporterProtected: z
    .object({ reason: z.string() })
    .nullable()
    .describe("informing the family: the reporter's identity is kept from the family"),
});
export type CentreTask = z.infer<typeof taskSchema>;

export const completeTaskSchema = z.strictObject({
  doneOn: pastWorkDate,
  notes: text(5000).describe("what was said"),
});

export const crisisSchema = z.object({
  id: z.uuid(),
  openedAt: z.iso.datetime(),
  measureRecorded: z.boolean().describe("a restraining order or shelter stay is recorded since the crisis"),
});

export const boardRequestSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  requestedOn: isoDate,
  question: z.string(),
  requestedBy: z.object({ userId: z.uuid(), organisationId: z.uuid(), name: z.string().optional() }),
  answer: z.object({ answeredOn: isoDate, outcome: z.enum(boardOutcomes), text: z.string() }).nullable(),
});
export type BoardRequest = z.infer<typeof boardRequestSchema>;

export const newBoardRequestSchema = z.strictObject({ requestedOn: pastWorkDate, question: text(5000) });
export const boardAnswerSchema = z.strictObject({
  answeredOn: pastWorkDate,
  outcome: z.enum(boardOutcomes),
  text: text(5000),
});

/** Everything of the centre's routes on one case, for the case page. */
export const caseCentreWorkSchema = z.object({
  trajectories: z.array(trajectorySchema),
  tasks: z.array(taskSchema).describe("the caller's organisation's tasks on this case, done ones too"),
  crises: z.array(crisisSchema),
  boardRequests: z.array(boardRequestSchema),
});
export type CaseCentreWork = z.infer<typeof caseCentreWorkSchema>;

/** The centre's work list: trajectories not done and tasks not done, overdue first. */
export const centreWorklistSchema = z.object({
  trajectories: z.array(trajectorySchema),
  tasks: z.array(taskSchema),
});
export type CentreWorklist = z.infer<typeof centreWorklistSchema>;

export const reporterProtectionSchema = z.object({
  reportId: z.uuid(),
  protected: z.boolean(),
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.uuid().nullable(),
});
export const reporterProtectionInputSchema = z
  .strictObject({ protected: z.boolean(), reason: boundedText(2000).optional() })
  .superRefine((v, ctx) => {
    if (v.protected && (v.reason === undefined || v.reason === "")) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "required when the identity is kept" });
    }
  });
