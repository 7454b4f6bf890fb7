import type { ReactNode } from 'react';
import type { MorePages, Paged } from '../lib/useLoadMore';
import { FormError, QueryStates } from './States';

/** "Show more" under a list, while there are more pages. */
export function LoadMore({ list, label = 'Show more' }: { list: MorePages; label?: string }) {
  if (!list.hasMore) return null;
  return (
    <div className="load-more">
      <FormError error={list.loadMoreError} />
      <button type="button" className="button-secondary" onClick={list.loadMore} disabled={list.loadingMore}>
        {list.loadingMore ? 'Loading…' : label}
      </button>
    </div>
  );
}

/**
 * A paged list (`usePagedQuery`): its query's states (`QueryStates`; empty when no node came),
 * the list, then "Show more" (`more` is the button's text).
 */
export function PagedStates({
  paged,
  loading,
  empty,
  isEmpty = paged.nodes.length === 0,
  stale,
  more,
  children,
}: {
  paged: Paged<unknown, unknown>;
  loading: string;
  empty: ReactNode;
  /** Whether there is nothing to list, where the list shown is not just the nodes loaded. */
  isEmpty?: boolean;
  stale?: boolean;
  more?: string;
  children: ReactNode;
}) {
  return (
    <>
      <QueryStates
        result={paged.result}
        retry={paged.reload}
        loading={loading}
        stale={stale}
        isEmpty={isEmpty}
        empty={empty}
      >
        {children}
      </QueryStates>
      <LoadMore list={paged} label={more} />
    </>
  );
}
