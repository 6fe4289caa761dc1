import { z } from "zod";
import {
  caseLinkSchema,
  type PoliceReport,
  type ReportHousehold,
  type ReportPrefill,
  reportHouseholdSchema,
  reportPrefillSchema,
  submittedReportSchema,
} from "../../shared/intake-household";
import { apiRequest } from "./client";
import { withSignal } from "./page";

/** The open or recently closed cases a report's persons are known in, for the household choice. */
export async function fetchReportHousehold(reportId: string, signal?: AbortSignal): Promise<ReportHousehold> {
  return apiRequest(`/reports/${encodeURIComponent(reportId)}/household`, {
    schema: reportHouseholdSchema,
    ...withSignal(signal),
  });
}

/** Links a report to an existing case of its household (POST /reports/{id}/link). */
export async function linkReportToCase(reportId: string, caseId: string) {
  return apiRequest(`/reports/${encodeURIComponent(reportId)}/link`, {
    method: "POST",
    body: { caseId },
    schema: z.object({ caseId: z.uuid(), recurrence: z.boolean(), caseStatus: z.enum(["open", "closed"]) }),
  });
}

const linksSchema = z.object({ items: z.array(caseLinkSchema) });
export type CaseLinks = z.infer<typeof linksSchema>;

/** The cases linked to a case, both ends. */
export async function fetchCaseLinks(caseId: string, signal?: AbortSignal): Promise<CaseLinks> {
  return apiRequest(`/cases/${encodeURIComponent(caseId)}/links`, {
    schema: linksSchema,
    ...withSignal(signal),
  });
}

/** A case's household, to pre-fill a new report. */
export async function fetchReportPrefill(caseId: string, signal?: AbortSignal): Promise<ReportPrefill> {
  return apiRequest(`/cases/${encodeURIComponent(caseId)}/report-prefill`, {
    schema: reportPrefillSchema,
    ...withSignal(signal),
  });
}

export type SubmittedReport = z.infer<typeof submittedReportSchema>;

/** The police submits a report to the centre. */
export async function submitPoliceReport(body: PoliceReport): Promise<SubmittedReport> {
  return apiRequest("/police/reports", { method: "POST", body, schema: submittedReportSchema });
}

/** The reports the police submitted itself. */
export async function fetchSubmittedReports(signal?: AbortSignal): Promise<{ items: SubmittedReport[] }> {
  return apiRequest("/police/reports", {
    schema: z.object({ items: z.array(submittedReportSchema) }),
    ...withSignal(signal),
  });
}
