import { useMemo, useState } from 'react';

export interface PageInfoLike {
  readonly hasNextPage: boolean;
  readonly endCursor?: string | null;
}

export interface ConnectionLike<N> {
  readonly nodes: readonly N[];
  readonly pageInfo: PageInfoLike;
}

export interface PageResult<N> {
  readonly connection?: ConnectionLike<N> | null;
  readonly error?: unknown;
}

/**
 * "Show more" for a cursor connection whose first page comes from a query: further pages are
 * fetched with `after` and appended; when the first page is loaded again, they are dropped.
 */
export function useLoadMore<N>(
  first: ConnectionLike<N> | undefined,
  fetchPage: (after: string) => Promise<PageResult<N>>,
) {
  const [more, setMore] = useState<{
    base: ConnectionLike<N>;
    nodes: readonly N[];
    pageInfo: PageInfoLike;
  } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>();

  const current = more !== null && more.base === first ? more : null;
  const nodes = useMemo(
    () => (first ? [...first.nodes, ...(current?.nodes ?? [])] : []),
    [first, current],
  );
  const pageInfo = current?.pageInfo ?? first?.pageInfo;

  const loadMore = async () => {
    const after = pageInfo?.endCursor;
    if (!first || !pageInfo?.hasNextPage || !after) return;
    setLoadingMore(true);
    setLoadMoreError(undefined);
    const result = await fetchPage(after);
    setLoadingMore(false);
    if (!result.connection) {
      setLoadMoreError(result.error ?? new Error('no page'));
      return;
    }
    const page = result.connection;
    setMore({ base: first, nodes: [...(current?.nodes ?? []), ...page.nodes], pageInfo: page.pageInfo });
  };

  return {
    nodes,
    hasMore: pageInfo?.hasNextPage ?? false,
    loadMore: () => void loadMore(),
    loadingMore,
    loadMoreError,
  };
}
