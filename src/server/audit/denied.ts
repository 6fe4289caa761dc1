import type { FastifyInstance, FastifyRequest } from "fastify";
import { canonicalUuid } from "../../shared/uuid.ts";
import type { RouteAccess } from "../access/policy.ts";
import type { Actor } from "../access/principal.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { auditedTransaction } from "./audited-transaction.ts";

/** The subject type of a route's first path segment, in the audit log's own words. */
const subjectTypes: Record<string, string> = {
  cases: "case",
  reports: "report",
  handovers: "handover",
  persons: "person",
  "journal-entries": "journal-entry",
  "follow-ups": "follow-up",
  notifications: "notification",
  "network-partnerships": "partnership",
  "shelter-stays": "shelter-stay",
  "restraining-orders": "restraining-order",
  "board-requests": "board-request",
  "centre-tasks": "centre-task",
  trajectories: "trajectory",
  audit: "audit-log",
};

export interface DeniedSubject {
  subjectType: string;
  /** The subject's id when the URL names one that is a UUID, canonical; never other input. */
  subjectId: string | null;
  caseId: string | null;
}

/**
 * What a refused request tried to reach, read from the route pattern (`/api/v1/cases/:id/…`) and
 * its id parameter — never the raw URL, which is the caller's input.
 */
export function deniedSubject(routeUrl: string, params: unknown): DeniedSubject {
  const [segment = "", next] = routeUrl.replace(/^\/api\/v1\//, "").split("/");
  const subjectType = subjectTypes[segment] ?? (segment || "unknown");
  const raw = next === ":id" ? (params as Record<string, unknown> | null)?.id : undefined;
  const subjectId = typeof raw === "string" ? (canonicalUuid(raw) ?? null) : null;
  return { subjectType, subjectId, caseId: subjectType === "case" ? subjectId : null };
}

export type DeniedGround = "need to know" | "role" | "not permitted on this subject";

/**
 * Writes a `denied` entry for a refused access, in a transaction of its own: the request's own
 * transaction was rolled back with the refusal, and probing for cases must leave a trace.
 */
export async function recordDeniedAccess(
  db: Db,
  request: FastifyRequest,
  actor: Actor,
  ground: DeniedGround,
): Promise<void> {
  const access = request.routeOptions.config.access as RouteAccess | undefined;
  const url = request.routeOptions.url;
  if (!access || access === "public" || !url) {
    return;
  }
  const subject = deniedSubject(url, request.params);
  try {
    await auditedTransaction(db, actor, async ({ audit }) => {
      audit({ action: access.action, ...subject, ground, outcome: "denied" });
    });
  } catch (error) {
    // The refusal stands either way; an operator must see that its trace is missing.
    request.log.error({ err: error }, "a denied access could not be written to the audit log");
  }
}

/**
 * Logs every refusal of a subject to an authenticated caller: the 404 of need to know (the same
 * answer as for a subject that does not exist) and a 403 for what the caller may see but not do.
 * The role's 403 is written by the route guard, which refuses before the access is established;
 * a missing session (401) and an unknown route reach neither.
 */
export function registerDeniedAccessLog(app: FastifyInstance, db: Db): void {
  app.addHook("onError", async (request, _reply, error) => {
    if (!(error instanceof AppError) || !request.access) {
      return;
    }
    if (error.status === 404) {
      await recordDeniedAccess(db, request, request.access.actor, "need to know");
    } else if (error.status === 403) {
      await recordDeniedAccess(db, request, request.access.actor, "not permitted on this subject");
    }
  });
}
