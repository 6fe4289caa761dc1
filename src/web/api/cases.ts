import { z } from "zod";
import {
  type CaseDetail,
  type caseAssessmentSchema,
  caseListItemSchema,
  caseSchema,
  type directionChangeSchema,
  type followUpOutcomeSchema,
  followUpSchema,
  type Handover,
  handoverSchema,
  type handoverStatuses,
  type helpOfferedSchema,
  historyEntrySchema,
  type newHandoverSchema,
  type phaseChangeSchema,
} from "../../shared/cases";
import { apiRequest } from "./client";
import { type Page, pageOf, queryString, withSignal } from "./page";

export type CaseListItem = z.infer<typeof caseListItemSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type FollowUp = z.infer<typeof followUpSchema>;

const casePageSchema = pageOf(caseListItemSchema);
const handoverPageSchema = pageOf(handoverSchema);
const historySchema = z.object({ items: z.array(historyEntrySchema) });
const followUpsSchema = z.object({ items: z.array(followUpSchema) });

const casePath = (caseId: string, rest = "") => `/cases/${encodeURIComponent(caseId)}${rest}`;

/** The cases the caller's organisation is involved in, newest first. */
export async function fetchCases(
  filter: { status?: "open" | "closed" | undefined; limit?: number | undefined; cursor?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<CaseListItem>> {
  const query = queryString({ status: filter.status, limit: filter.limit, cursor: filter.cursor });
  return apiRequest(`/cases${query}`, { schema: casePageSchema, ...withSignal(signal) });
}

/** One case, when the caller's organisation is involved (404 otherwise). */
export async function fetchCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return apiRequest(casePath(id), { schema: caseSchema, ...withSignal(signal) });
}

/** The organisation's handovers, incoming and outgoing, overdue first. */
export async function fetchHandovers(
  filter: { status?: (typeof handoverStatuses)[number] | undefined; limit?: number | undefined },
  signal?: AbortSignal,
): Promise<Page<Handover>> {
  const query = queryString({ status: filter.status, limit: filter.limit });
  return apiRequest(`/handovers${query}`, { schema: handoverPageSchema, ...withSignal(signal) });
}

/** Every change to the case, oldest first. */
export async function fetchCaseHistory(caseId: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  return (await apiRequest(casePath(caseId, "/history"), { schema: historySchema, ...withSignal(signal) }))
    .items;
}

/** The follow-up moments scheduled at closure. */
export async function fetchCaseFollowUps(caseId: string, signal?: AbortSignal): Promise<FollowUp[]> {
  return (
    await apiRequest(casePath(caseId, "/follow-ups"), { schema: followUpsSchema, ...withSignal(signal) })
  ).items;
}

/** Moves the case to another phase; 409 with the reasons when it may not leave safety yet. */
export async function changePhase(caseId: string, body: z.input<typeof phaseChangeSchema>): Promise<void> {
  await apiRequest(casePath(caseId, "/phase"), { method: "POST", body });
}

/** Escalates to regional or de-escalates to local direction. */
export async function changeDirection(
  caseId: string,
  body: z.input<typeof directionChangeSchema>,
): Promise<void> {
  await apiRequest(casePath(caseId, "/direction"), { method: "POST", body });
}

/** Makes a user of an involved organisation the case director. */
export async function changeDirector(caseId: string, userId: string): Promise<void> {
  await apiRequest(casePath(caseId, "/director"), { method: "POST", body: { userId } });
}

/** Records help offered to a person of the household. */
export async function recordHelpOffered(
  caseId: string,
  personId: string,
  body: z.input<typeof helpOfferedSchema>,
): Promise<void> {
  await apiRequest(casePath(caseId, `/persons/${encodeURIComponent(personId)}/help-offered`), {
    method: "POST",
    body,
  });
}

/** A re-assessment of safety within the case; the latest sets the acute-unsafety flag. */
export async function reassessSafety(
  caseId: string,
  body: z.input<typeof caseAssessmentSchema>,
): Promise<void> {
  await apiRequest(casePath(caseId, "/safety-assessments"), { method: "POST", body });
}

/** Proposes to hand the case to another organisation. */
export async function proposeHandover(
  caseId: string,
  body: z.input<typeof newHandoverSchema>,
): Promise<void> {
  await apiRequest(casePath(caseId, "/handovers"), { method: "POST", body });
}

/** Accepts a handover to the caller's organisation. */
export async function acceptHandover(handoverId: string): Promise<void> {
  await apiRequest(`/handovers/${encodeURIComponent(handoverId)}/accept`, { method: "POST" });
}

/** Declines a handover to the caller's organisation, with the reason; its access to the case ends. */
export async function declineHandover(handoverId: string, reason: string): Promise<void> {
  await apiRequest(`/handovers/${encodeURIComponent(handoverId)}/decline`, {
    method: "POST",
    body: { reason },
  });
}

/** Closes the case; the server schedules follow-ups at +3, +6 and +12 months. */
export async function closeCase(caseId: string, reason: string): Promise<void> {
  await apiRequest(casePath(caseId, "/close"), { method: "POST", body: { reason } });
}

/** Reopens a closed case; follow-ups without an outcome are cancelled. */
export async function reopenCase(caseId: string, reason: string): Promise<void> {
  await apiRequest(casePath(caseId, "/reopen"), { method: "POST", body: { reason } });
}

/** Records the outcome of a follow-up. */
export async function recordFollowUp(
  followUpId: string,
  body: z.input<typeof followUpOutcomeSchema>,
): Promise<void> {
  await apiRequest(`/follow-ups/${encodeURIComponent(followUpId)}`, { method: "POST", body });
}
