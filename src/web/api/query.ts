import {
  QueryClient,
  type QueryKey,
  type UseQueryResult,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect } from "react";
import { useSession } from "../session/session-context";
import { ApiError } from "./client";
import type { Page } from "./page";

/**
 * The web app's one cache of server data. A refused request (4xx) is not retried: asking again
 * gives the same answer; a network failure or a 5xx is retried twice. Data stays on screen while
 * it is fetched again, so focus and scroll survive an update after an action. A window regaining
 * focus does not refetch: a worker in the middle of a form should not see the page move.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}

/** A 401 on any read ends the session (the login page then says it expired). */
function useExpiryOn(error: unknown): void {
  const { expire } = useSession();
  useEffect(() => {
    if (error instanceof ApiError && error.status === 401) {
      expire();
    }
  }, [error, expire]);
}

/**
 * Reads server data for a page. `key` names what is read (and what a change invalidates):
 * `["cases", caseId]`, `["cases", caseId, "history"]`. The loader gets the abort signal of the
 * request, so leaving the page cancels it.
 */
export function useApiQuery<T>(
  key: QueryKey,
  load: (signal: AbortSignal) => Promise<T>,
  options: { enabled?: boolean } = {},
): UseQueryResult<T> {
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => load(signal), ...options });
  useExpiryOn(query.error);
  return query;
}

/**
 * A change sent to the server. When it succeeds, every read under the `invalidates` keys is
 * fetched again (a key invalidates the keys it begins: `["cases", id]` also refreshes the case's
 * history), so every section of the page shows the new state.
 */
export function useApiMutation<I, O>(send: (input: I) => Promise<O>, invalidates: QueryKey[] = []) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  useExpiryOn(mutation.error);
  return mutation;
}

/**
 * A list read page by page ("load more"): the first page, then each next one by its cursor, all
 * kept under one key so a change that invalidates the key reloads the list from its start.
 */
export function usePagedQuery<T>(
  key: QueryKey,
  loadPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => loadPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  useExpiryOn(query.error);
  return query;
}
