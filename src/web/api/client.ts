import type { z } from "zod";
import { type Problem, problemSchema } from "../../shared/problem";
import { noteSessionActivity } from "./session-activity";

/** Base path of the Schakel API (API.md, Conventions). */
export const apiBase = "/api/v1";

const mutatingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Routes open to all (API.md): they do not use the session, so they do not keep it alive. */
const publicPaths = /^\/(auth\/login|health|municipalities|organisations|violence-types|public\/)/;

// The CSRF token lives in memory only (never in storage): it comes from the login or
// /auth/me answer and is sent with every mutating request of the cookie session.
let csrfToken: string | undefined;

/** Remembers (or forgets, with undefined) the CSRF token of the current session. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The server answered with an error status; `problem` holds its problem+json body when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: Problem | undefined, retryAfterSeconds: number | undefined) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whether the problem `type` URI ends with the given suffix, e.g. "/totp-required". */
  hasType(suffix: string): boolean {
    return this.problem?.type.endsWith(suffix) ?? false;
  }
}

/** The request never got an answer: the network or the server is down. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("The Schakel server could not be reached", { cause });
    this.name = "NetworkError";
  }
}

/** The server answered successfully, but not in the shape the contract promises. */
export class UnexpectedResponseError extends Error {
  constructor(path: string, cause: unknown) {
    super(`Unexpected answer from ${path}`, { cause });
    this.name = "UnexpectedResponseError";
  }
}

interface RequestOptions<T> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Schema of a successful answer; without it the answer body is ignored. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. If-Match for the safety plan. */
  headers?: Record<string, string>;
}

/** A successful answer with its headers, for callers that need one (the plan's ETag). */
export interface ApiExchange<T> {
  data: T;
  headers: Headers;
}

/**
 * Sends one request to the API and returns the parsed, schema-checked answer.
 * Throws ApiError for error statuses, NetworkError when there is no answer, and
 * UnexpectedResponseError when a successful answer does not match the schema.
 */
export async function apiRequest<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  return (await apiExchange(path, options)).data;
}

/** Like apiRequest, but answers the response headers as well. */
export async function apiExchange<T = undefined>(
  path: string,
  options: RequestOptions<T> = {},
): Promise<ApiExchange<T>> {
  const method = options.method ?? "GET";
  const headers = new Headers({ Accept: "application/json, application/problem+json" });
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers.set(name, value);
  }
  // FormData (an upload) sets its own multipart Content-Type with the boundary.
  const isForm = typeof FormData !== "undefined" && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) {
    headers.set("Content-Type", "application/json");
  }
  if (mutatingMethods.has(method) && csrfToken !== undefined) {
    headers.set("X-CSRF-Token", csrfToken);
  }
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (options.body !== undefined) {
    init.body = isForm ? (options.body as FormData) : JSON.stringify(options.body);
  }
  if (options.signal !== undefined) {
    init.signal = options.signal;
  }

  if (!publicPaths.test(path)) {
    // Counted from the start of the request: the server's idle time starts no earlier.
    noteSessionActivity();
  }
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") {
      throw error;
    }
    throw new NetworkError(error);
  }

  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response), readRetryAfter(response));
  }
  if (options.schema === undefined) {
    return { data: undefined as T, headers: response.headers };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new UnexpectedResponseError(path, error);
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    throw new UnexpectedResponseError(path, parsed.error);
  }
  return { data: parsed.data, headers: response.headers };
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const contentType = response.headers.get("Content-Type") ?? "";
  if (!contentType.includes("json")) {
    return undefined;
  }
  try {
    const parsed = problemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Reads Retry-After as seconds; it may also be an HTTP date (RFC 9110). */
function readRetryAfter(response: Response): number | undefined {
  const value = response.headers.get("Retry-After");
  if (value === null || value.trim() === "") {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
