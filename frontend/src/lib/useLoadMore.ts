import { useMemo, useState } from 'react';
import { type AnyVariables, type TypedDocumentNode, type UseQueryState, useClient, useQuery } from 'urql';
import { graphql } from '../gql';

/** What "Show more" reads of a connection's `pageInfo`; every paged query selects it. */
graphql(`
  fragment PageCursor on PageInfo {
    hasNextPage
    endCursor
  }
`);

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

/** The pages after the first, as `LoadMore` shows them. */
export interface MorePages {
  readonly hasMore: boolean;
  readonly loadMore: () => void;
  readonly loadingMore: boolean;
  readonly loadMoreError: unknown;
}

/**
 * "Show more" for a cursor connection whose first page comes from a query: further pages are
 * fetched with `after` and appended; when the first page is loaded again, they are dropped.
 */
export function useLoadMore<N>(
  first: ConnectionLike<N> | undefined,
  fetchPage: (after: string) => Promise<PageResult<N>>,
): MorePages & { readonly nodes: readonly N[] } {
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

/** A query with a connection in it, and the connection's nodes of all pages loaded. */
export interface Paged<Data, N> extends MorePages {
  readonly result: UseQueryState<Data>;
  /** Asks the server again for the first page (the further pages are dropped). */
  readonly reload: () => void;
  readonly nodes: readonly N[];
}

/**
 * A query with a cursor connection in it, and "Show more" for that connection: one document
 * serves the first page (no `after`) and the pages after it (`after` the last cursor).
 * `connection` picks the connection out of the query's data.
 */
export function usePagedQuery<
  Data,
  Variables extends AnyVariables & { readonly after?: string | null },
  N,
>({
  query,
  variables,
  connection,
  pause,
}: {
  query: TypedDocumentNode<Data, Variables>;
  variables: Variables;
  connection: (data: Data) => ConnectionLike<N> | null | undefined;
  pause?: boolean;
}): Paged<Data, N> {
  const client = useClient();
  const [result, refetch] = useQuery<Data, Variables>({ query, variables, pause });
  const first = result.data ? (connection(result.data) ?? undefined) : undefined;
  const list = useLoadMore(first, async (after) => {
    const page = await client.query(query, { ...variables, after }).toPromise();
    return { connection: page.data ? connection(page.data) : undefined, error: page.error };
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return { result, reload, ...list };
}
