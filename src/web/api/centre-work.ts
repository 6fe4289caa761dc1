import type { z } from "zod";
import {
  type BoardRequest,
  type boardAnswerSchema,
  boardRequestSchema,
  type CaseCentreWork,
  type CentreTask,
  type CentreWorklist,
  caseCentreWorkSchema,
  centreWorklistSchema,
  type completeTaskSchema,
  type newBoardRequestSchema,
  type reporterProtectionInputSchema,
  reporterProtectionSchema,
  type Trajectory,
  taskSchema,
  type trajectoryOutcomeSchema,
  trajectorySchema,
} from "../../shared/centre-work";
import { apiRequest } from "./client";
import { withSignal } from "./page";

export type ReporterProtection = z.infer<typeof reporterProtectionSchema>;

const path = (id: string) => encodeURIComponent(id);

/** The centre's work list: its trajectories and tasks not done, overdue first. */
export function fetchCentreWorklist(signal?: AbortSignal): Promise<CentreWorklist> {
  return apiRequest("/centre-work", { schema: centreWorklistSchema, ...withSignal(signal) });
}

/** The centre's routes on one case: trajectories, own tasks, crisis, board requests. */
export function fetchCaseCentreWork(caseId: string, signal?: AbortSignal): Promise<CaseCentreWork> {
  return apiRequest(`/cases/${path(caseId)}/centre-work`, {
    schema: caseCentreWorkSchema,
    ...withSignal(signal),
  });
}

export function startTrajectory(id: string, startedOn: string): Promise<Trajectory> {
  return apiRequest(`/trajectories/${path(id)}/start`, {
    method: "POST",
    body: { startedOn },
    schema: trajectorySchema,
  });
}

export function recordTrajectoryOutcome(
  id: string,
  body: z.input<typeof trajectoryOutcomeSchema>,
): Promise<Trajectory> {
  return apiRequest(`/trajectories/${path(id)}/outcome`, { method: "POST", body, schema: trajectorySchema });
}

export function completeTask(id: string, body: z.input<typeof completeTaskSchema>): Promise<CentreTask> {
  return apiRequest(`/centre-tasks/${path(id)}/done`, { method: "POST", body, schema: taskSchema });
}

export function requestBoardInvestigation(
  caseId: string,
  body: z.input<typeof newBoardRequestSchema>,
): Promise<BoardRequest> {
  return apiRequest(`/cases/${path(caseId)}/board-requests`, {
    method: "POST",
    body,
    schema: boardRequestSchema,
  });
}

export function answerBoardRequest(
  id: string,
  body: z.input<typeof boardAnswerSchema>,
): Promise<BoardRequest> {
  return apiRequest(`/board-requests/${path(id)}/answer`, {
    method: "POST",
    body,
    schema: boardRequestSchema,
  });
}

export function fetchReporterProtection(reportId: string, signal?: AbortSignal): Promise<ReporterProtection> {
  return apiRequest(`/reports/${path(reportId)}/reporter-protection`, {
    schema: reporterProtectionSchema,
    ...withSignal(signal),
  });
}

export function decideReporterProtection(
  reportId: string,
  body: z.input<typeof reporterProtectionInputSchema>,
): Promise<ReporterProtection> {
  return apiRequest(`/reports/${path(reportId)}/reporter-protection`, {
    method: "POST",
    body,
    schema: reporterProtectionSchema,
  });
}
