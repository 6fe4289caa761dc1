import { ApiError, NetworkError } from "../api/client";

/** One problem with one field of a form: where to focus, what to say next to the field and in the summary. */
export interface FieldProblem {
  fieldId: string;
  /** Shown next to the field. */
  message: string;
  /** Shown in the error summary, with context ("Persoon 2: …"); defaults to the message. */
  summary?: string;
}

/** The per-field validation errors of a 400 problem+json answer (API.md: `errors: [{ path, message }]`). */
export function validationErrorsOf(error: unknown): { path: string; message: string }[] | undefined {
  if (error instanceof ApiError && error.status === 400 && error.problem?.errors !== undefined) {
    return error.problem.errors;
  }
  return undefined;
}

/** The message of the first problem for a field, for display next to it. */
export function messageFor(problems: readonly FieldProblem[], fieldId: string): string | undefined {
  return problems.find((problem) => problem.fieldId === fieldId)?.message;
}

/** What kind of failure a request ended in, for a form-level message. */
export type FailureKind =
  | "network"
  | "expired"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "invalid"
  | "too-many"
  | "server";

export function failureKindOf(error: unknown): FailureKind {
  if (error instanceof NetworkError) {
    return "network";
  }
  if (!(error instanceof ApiError)) {
    return "server";
  }
  switch (error.status) {
    case 400:
      return "invalid";
    case 401:
      return "expired";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 409:
      return "conflict";
    case 429:
      return "too-many";
    default:
      return "server";
  }
}
