import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "../api/client";
import { LoadFailed } from "./load-failed";
import { LoadingMessage } from "./loading-message";

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What a 404 shows (the caller may not see it, or it does not exist); without it, the failure. */
  notFound?: ReactNode;
  /** Whether the data counts as empty, and what to show then. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * The one way a page shows data it reads: a polite loading message, the failure with a way to
 * try again, the page's own 404 or empty state, or the data. Data already shown stays while it
 * is fetched again.
 */
export function QueryState<T>({ query, notFound, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.data !== undefined) {
    return <>{isEmpty?.(query.data) && empty !== undefined ? empty : children(query.data)}</>;
  }
  if (query.isPending && query.fetchStatus !== "idle") {
    return <LoadingMessage />;
  }
  if (query.error instanceof ApiError && query.error.status === 404 && notFound !== undefined) {
    return <>{notFound}</>;
  }
  if (query.isError) {
    return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <LoadingMessage />;
}
