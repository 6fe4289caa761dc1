import { z } from "zod";
import {
  type PlanDocument,
  type PlanInput,
  planDocumentSchema,
  planVersionSchema,
} from "../../shared/safety-plan";
import { apiExchange, apiRequest } from "./client";
import { withSignal } from "./page";

export type PlanVersion = z.infer<typeof planVersionSchema>;

/** A plan version as loaded, with the ETag to send as If-Match when saving on top of it. */
export interface LoadedPlan {
  document: PlanDocument;
  etag: string;
}

const versionsSchema = z.object({ items: z.array(planVersionSchema) });
const planPath = (caseId: string, rest = "") => `/cases/${encodeURIComponent(caseId)}/safety-plan${rest}`;

/** The ETag of a version as the server writes it; used when an answer lacks the header. */
const etagOf = (headers: Headers, version: number): string => headers.get("ETag") ?? `"plan-v${version}"`;

/** The newest version of the case's safety plan, with its ETag. */
export async function fetchPlan(caseId: string, signal?: AbortSignal): Promise<LoadedPlan> {
  const { data, headers } = await apiExchange(planPath(caseId), {
    schema: planDocumentSchema,
    ...withSignal(signal),
  });
  return { document: data, etag: etagOf(headers, data.version) };
}

/**
 * Saves the plan as a new version on top of the version with this ETag. The server answers 412
 * (problem type ".../plan-changed") when someone else saved first.
 */
export async function savePlan(caseId: string, plan: PlanInput, etag: string): Promise<LoadedPlan> {
  const { data, headers } = await apiExchange(planPath(caseId), {
    method: "PUT",
    body: { plan },
    headers: { "If-Match": etag },
    schema: planDocumentSchema,
  });
  return { document: data, etag: etagOf(headers, data.version) };
}

/** Every version of the plan, newest first. */
export async function fetchPlanVersions(caseId: string, signal?: AbortSignal): Promise<PlanVersion[]> {
  return (await apiRequest(planPath(caseId, "/versions"), { schema: versionsSchema, ...withSignal(signal) }))
    .items;
}

/** One version of the plan. */
export async function fetchPlanVersion(
  caseId: string,
  version: number,
  signal?: AbortSignal,
): Promise<PlanDocument> {
  return apiRequest(planPath(caseId, `/versions/${version}`), {
    schema: planDocumentSchema,
    ...withSignal(signal),
  });
}
