import { z } from "zod";
import type { RouteAccess } from "../access/policy.ts";

/** The problem statuses a route can answer; each is documented as application/problem+json. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 406 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503;

const problemBody = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
});

/** The `invalid-input` problem: every field problem at once, none echoing the input. */
const invalidInputBody = problemBody.extend({
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});

interface Declared {
  method: string;
  access: RouteAccess;
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  headers?: unknown;
  subject?: { statuses?: ProblemStatus[] };
  problems?: ProblemStatus[];
}

/**
 * The statuses a route answers besides its success, derived from what it declares: input it
 * validates (400), a session it needs (401, and 403 for the role and, on a mutation, the CSRF
 * token), a subject it looks up (404), a body it reads (413, 415), and what the work declares.
 */
export function problemStatuses(route: Declared): ProblemStatus[] {
  const statuses = new Set<ProblemStatus>([406, ...(route.problems ?? [])]);
  if (route.params || route.querystring || route.body || route.headers) {
    statuses.add(400);
  }
  if (route.access !== "public") {
    statuses.add(401).add(403);
  }
  if (route.params || route.subject) {
    statuses.add(404);
  }
  for (const status of route.subject?.statuses ?? []) {
    statuses.add(status);
  }
  if (route.body) {
    statuses.add(413).add(415);
  }
  return [...statuses].sort((a, b) => a - b);
}

export function documentedResponses(route: Declared): Record<number, z.ZodType> {
  return Object.fromEntries(
    problemStatuses(route).map((status) => [status, status === 400 ? invalidInputBody : problemBody]),
  );
}
