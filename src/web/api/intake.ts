import { z } from "zod";
import {
  type CreateReport,
  createdReportSchema,
  type PublicReport,
  type ReportDetail,
  type ReportQueueItem,
  reportDetailSchema,
  reportQueueItemSchema,
  type reportStatuses,
  riskChecklistSchema,
  type SafetyAssessmentInput,
  type TriageInput,
} from "../../shared/intake";
import { ApiError, apiRequest } from "./client";
import { type Page, pageOf, queryString, withSignal } from "./page";

export type ReportStatus = (typeof reportStatuses)[number];
export type CreatedReport = z.infer<typeof createdReportSchema>;

/** The filters of the intake queue (GET /reports). */
export interface ReportFilter {
  status?: ReportStatus | undefined;
  municipalityCode?: string | undefined;
  overdue?: boolean | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

const reportPageSchema = pageOf(reportQueueItemSchema);

/** The intake queue, overdue first. */
export async function fetchReports(
  filter: ReportFilter,
  signal?: AbortSignal,
): Promise<Page<ReportQueueItem>> {
  const query = queryString({
    status: filter.status,
    municipalityCode: filter.municipalityCode,
    overdue: filter.overdue === true ? "true" : undefined,
    limit: filter.limit,
    cursor: filter.cursor,
  });
  return apiRequest(`/reports${query}`, { schema: reportPageSchema, ...withSignal(signal) });
}

/** One report with its persons, matches, assessment and triage. */
export async function fetchReport(id: string, signal?: AbortSignal): Promise<ReportDetail> {
  return apiRequest(`/reports/${encodeURIComponent(id)}`, {
    schema: reportDetailSchema,
    ...withSignal(signal),
  });
}

/** Records a report or advice request; answers its deadlines and the matches found. */
export async function createReport(body: CreateReport): Promise<CreatedReport> {
  return apiRequest("/reports", { method: "POST", body, schema: createdReportSchema });
}

/** The public web form: answers only the reference. */
export async function createPublicReport(body: PublicReport): Promise<{ reference: string }> {
  return apiRequest("/public/reports", {
    method: "POST",
    body,
    schema: z.object({ reference: z.string() }),
  });
}

const matchDecisionSchema = z.object({
  status: z.enum(["confirmed", "dismissed"]),
  earlierInvolvement: z.enum(["first", "re-report", "during-involvement"]),
});

/** A human's verdict on a match candidate: the same person, or not. */
export async function decideMatch(
  reportId: string,
  matchId: string,
  decision: "confirm" | "dismiss",
): Promise<z.infer<typeof matchDecisionSchema>> {
  return apiRequest(
    `/reports/${encodeURIComponent(reportId)}/matches/${encodeURIComponent(matchId)}/${decision}`,
    { method: "POST", schema: matchDecisionSchema },
  );
}

/** Turns an advice request into a report or back, with the reason. */
export async function changeReportKind(
  reportId: string,
  body: { kind: "advice" | "report"; reason: string },
): Promise<void> {
  await apiRequest(`/reports/${encodeURIComponent(reportId)}/kind`, {
    method: "POST",
    body,
    schema: z.object({ kind: z.enum(["advice", "report"]) }),
  });
}

const riskLevelSchema = z.enum(["standard", "medium", "high"]);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

const assessmentAnswerSchema = z.object({
  checklistResult: z
    .object({
      score: z.number().int(),
      computedLevel: riskLevelSchema,
      level: riskLevelSchema,
      raisedByProfessional: z.boolean(),
      professionalLevelIgnored: z.boolean(),
    })
    .optional(),
});

/** Records the safety assessment with the risk checklist. */
export async function recordSafetyAssessment(
  reportId: string,
  body: SafetyAssessmentInput,
): Promise<z.infer<typeof assessmentAnswerSchema>> {
  return apiRequest(`/reports/${encodeURIComponent(reportId)}/safety-assessment`, {
    method: "POST",
    body,
    schema: assessmentAnswerSchema,
  });
}

const triageAnswerSchema = z.object({ caseId: z.uuid().optional(), handoverId: z.uuid().optional() });

/** Decides the route; every route but close-with-advice opens or continues a case. */
export async function triageReport(
  reportId: string,
  body: TriageInput,
): Promise<z.infer<typeof triageAnswerSchema>> {
  return apiRequest(`/reports/${encodeURIComponent(reportId)}/triage`, {
    method: "POST",
    body,
    schema: triageAnswerSchema,
  });
}

export type RiskChecklist = z.infer<typeof riskChecklistSchema>;

/** The active risk checklist, or null when none is configured (the server answers 404 then). */
export async function fetchRiskChecklist(signal?: AbortSignal): Promise<RiskChecklist | null> {
  try {
    return await apiRequest("/risk-checklist", { schema: riskChecklistSchema, ...withSignal(signal) });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}
