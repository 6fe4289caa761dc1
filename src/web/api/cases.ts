import type { z } from "zod";
import {
  type CaseDetail,
  caseListItemSchema,
  caseSchema,
  type Handover,
  handoverSchema,
  type handoverStatuses,
} from "../../shared/cases";
import { apiRequest } from "./client";
import { type Page, pageOf, queryString, withSignal } from "./page";

export type CaseListItem = z.infer<typeof caseListItemSchema>;

const casePageSchema = pageOf(caseListItemSchema);
const handoverPageSchema = pageOf(handoverSchema);

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
  return apiRequest(`/cases/${encodeURIComponent(id)}`, { schema: caseSchema, ...withSignal(signal) });
}

/** The organisation's handovers, incoming and outgoing, overdue first. */
export async function fetchHandovers(
  filter: { status?: (typeof handoverStatuses)[number] | undefined; limit?: number | undefined },
  signal?: AbortSignal,
): Promise<Page<Handover>> {
  const query = queryString({ status: filter.status, limit: filter.limit });
  return apiRequest(`/handovers${query}`, { schema: handoverPageSchema, ...withSignal(signal) });
}
