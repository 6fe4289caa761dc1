import type { FastifyLoggerOptions, PinoLoggerOptions } from "fastify/types/logger.js";

/** Error fields that may carry values from the request (PostgreSQL's detail, Drizzle's params). */
interface LoggableError {
  name?: string;
  code?: string;
  message?: string;
  stack?: string;
  cause?: unknown;
  constraint?: string;
  table?: string;
}

/**
 * Logs what an operator needs to find a fault, never the values involved: database errors are
 * reduced to their SQLSTATE and constraint, and Drizzle's "Failed query … params: …" message
 * is replaced by its cause.
 */
export function serializeError(error: unknown): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  const e = (error ?? {}) as LoggableError;
  const cause = e.cause as LoggableError | undefined;
  const database = [e, cause].find((x) => typeof x?.code === "string" && /^[0-9A-Z]{5}$/.test(x.code ?? ""));
  if (database || e.name === "DrizzleQueryError") {
    return {
      type: "DatabaseError",
      message: `database error ${database?.code ?? "(no SQLSTATE)"}`,
      stack: "",
      code: database?.code,
      constraint: database?.constraint,
      table: database?.table,
    };
  }
  return { type: e.name ?? "Error", code: e.code, message: e.message ?? "", stack: e.stack ?? "" };
}

/**
 * The route a request matched, as registered (`/api/v1/cases/:id`): never the path the caller
 * sent, whose segments and query string may carry a BSN or a name. Fastify hands the serializer
 * its request (with `routeOptions`) or, on some framework paths, the raw message (without).
 */
export function routePatternOf(req: { routeOptions?: { url?: string | undefined } }): string {
  return req.routeOptions?.url ?? "(no route)";
}

/** Pino options: request ids, route patterns instead of paths, no cookies, tokens or bodies. */
export function loggerOptions(level: string): FastifyLoggerOptions & PinoLoggerOptions {
  return {
    level,
    redact: {
      paths: [
        "req.headers.cookie",
        'req.headers["x-csrf-token"]',
        "req.headers.authorization",
        'res.headers["set-cookie"]',
      ],
      censor: "[redacted]",
    },
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string | undefined } }) => ({
        method: req.method,
        route: routePatternOf(req),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
  };
}
