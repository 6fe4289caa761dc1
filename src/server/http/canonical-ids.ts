import type { FastifyInstance, FastifyRequest } from "fastify";
import { isStandardUuid } from "../../shared/uuid.ts";

const lowerIds = (part: unknown): unknown => {
  if (!part || typeof part !== "object") {
    return part;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(part)) {
    if (typeof value === "string") {
      out[key] = isStandardUuid(value) ? value.toLowerCase() : value;
    } else if (Array.isArray(value)) {
      out[key] = value.map((v) => (typeof v === "string" && isStandardUuid(v) ? v.toLowerCase() : v));
    } else {
      out[key] = value;
    }
  }
  return out;
};

/**
 * Writes every id in a URL (path parameters and query string) in lower case before anything reads
 * it. PostgreSQL stores a uuid in lower case whatever was sent; an id that the guard, the policy,
 * a comparison in code or the audit log saw in another case than the database holds is a case
 * the code was never tested for — and once made the audit chain's verification fail for good.
 */
export function registerIdCanonicalisation(app: FastifyInstance): void {
  app.addHook("onRequest", async (request: FastifyRequest) => {
    request.params = lowerIds(request.params);
    request.query = lowerIds(request.query);
  });
}
