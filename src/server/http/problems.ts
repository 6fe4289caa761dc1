import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";

export const problemTypeBase = "https://schakel.example/problems/";

const titles: Record<number, string> = {
  400: "Invalid request",
  401: "Not logged in",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  406: "Not acceptable",
  409: "Conflict",
  412: "Precondition failed",
  413: "Request too large",
  415: "Unsupported media type",
  428: "Precondition required",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

const slugs: Record<number, string> = {
  400: "invalid-input",
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  406: "not-acceptable",
  409: "conflict",
  412: "precondition-failed",
  413: "payload-too-large",
  415: "unsupported-media-type",
  428: "precondition-required",
  429: "too-many-requests",
  500: "internal-error",
  503: "unavailable",
};

/** Generic details for errors raised by Fastify itself: their own messages may echo input. */
const frameworkDetails: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "The request body is not valid JSON.",
  FST_ERR_CTP_EMPTY_JSON_BODY: "The request body is empty but declared as JSON.",
  FST_ERR_CTP_BODY_TOO_LARGE: "The request body is too large.",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "The request body's media type is not supported; send application/json.",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "The Content-Length header does not match the body.",
  FST_ERR_CTP_INVALID_TYPE: "The Content-Type header is invalid.",
};

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}

export function problem(
  status: number,
  detail: string,
  options: { type?: string | undefined; errors?: { path: string; message: string }[] | undefined } = {},
): ProblemBody {
  const body: ProblemBody = {
    type: problemTypeBase + (options.type ?? slugs[status] ?? "error"),
    title: titles[status] ?? "Error",
    status,
    detail,
  };
  if (options.errors) {
    body.errors = options.errors;
  }
  return body;
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type("application/problem+json").send(body);
}

function validationPath(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, "").replaceAll("/", ".");
  const prefix =
    context === "body" || context === undefined ? "" : `${context === "querystring" ? "query" : context}`;
  if (!prefix) {
    return path || "(body)";
  }
  return path ? `${prefix}.${path}` : prefix;
}

/** The field problems of a validation error (Fastify's shape, from validation.ts), with request-part prefixes. */
export function validationErrorsOf(
  error: Pick<FastifyError, "validation" | "validationContext">,
): FieldError[] {
  return (error.validation ?? []).map((issue) => ({
    path: validationPath(error.validationContext, issue.instancePath),
    message: issue.message ?? "is not valid",
  }));
}

/** The one 400 that lists every invalid field of a request. */
export const invalidFields = (errors: FieldError[]): ProblemBody =>
  problem(400, `The request has ${errors.length} invalid field${errors.length === 1 ? "" : "s"}.`, {
    errors,
  });

/**
 * The one error handler: expected errors become problem+json with safe details; anything else
 * is a 500 whose details stay in the log (without personal data) and never reach the client.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.headers) {
      reply.headers(error.headers);
    }
    return sendProblem(reply, {
      ...error.extensions,
      ...problem(error.status, error.message, { type: error.type, errors: error.errors }),
    });
  }
  if (error.code === "FST_ERR_VALIDATION" && Array.isArray(error.validation)) {
    return sendProblem(reply, invalidFields(validationErrorsOf(error)));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const detail = frameworkDetails[error.code] ?? titles[status] ?? "The request cannot be handled.";
    return sendProblem(reply, problem(status, detail));
  }
  request.log.error({ err: error }, "request failed");
  return sendProblem(
    reply,
    problem(500, `Something went wrong on our side. Quote this reference to support: ${request.id}.`),
  );
}
