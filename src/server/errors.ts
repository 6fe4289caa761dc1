/** The few generic error codes services use; the HTTP layer maps them to problem+json. */
export type ErrorCode =
  | "INVALID_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "PRECONDITION_REQUIRED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_REQUESTS"
  | "UNAVAILABLE";

export const statusByCode: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};

export interface AppErrorOptions {
  /** Last segment of the problem `type` URI, e.g. "totp-required". */
  type?: string;
  errors?: { path: string; message: string }[];
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
  /** Extension members of the problem (RFC 9457 3.2), e.g. `reasons` or the case a decision is needed on; never personal data. */
  extensions?: Record<string, unknown>;
}

/**
 * An expected failure with a safe, person-free message. Never put names, BSNs or free text
 * from a request into `detail`: it reaches the client and may reach logs.
 */
export class AppError extends Error {
  readonly status: number;
  readonly type: string | undefined;
  readonly errors: { path: string; message: string }[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    readonly code: ErrorCode,
    detail: string,
    options: AppErrorOptions = {},
  ) {
    super(detail);
    this.name = "AppError";
    this.status = statusByCode[code];
    this.type = options.type;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }
}

export const notFound = (): AppError => new AppError("NOT_FOUND", "The resource does not exist.");
