import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { Button, ButtonGroup } from "@utrecht/component-library-react";
import type { Page } from "../api/page";
import { LoadFailed } from "./load-failed";

interface LoadMoreProps<T> {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  label: string;
  /** The element id of an item: after loading, focus moves to the first new one. */
  focusIdOf: (item: T) => string;
}

/** The button under a paged list that loads the next page, and says so when that fails. */
export function LoadMore<T>({ query, label, focusIdOf }: LoadMoreProps<T>) {
  async function loadMore(): Promise<void> {
    const result = await query.fetchNextPage();
    const first = result.data?.pages.at(-1)?.items[0];
    if (first !== undefined && !result.isFetchNextPageError) {
      document.getElementById(focusIdOf(first))?.focus();
    }
  }
  return (
    <>
      {query.isFetchNextPageError ? <LoadFailed error={query.error} onRetry={() => void loadMore()} /> : null}
      {query.hasNextPage ? (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            busy={query.isFetchingNextPage}
            onClick={() => {
              if (!query.isFetchingNextPage) {
                void loadMore();
              }
            }}
          >
            {label}
          </Button>
        </ButtonGroup>
      ) : null}
    </>
  );
}
