import { FormError } from './States';

export function LoadMore({
  hasMore,
  loading,
  error,
  onLoadMore,
  label = 'Show more',
}: {
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  onLoadMore: () => void;
  label?: string;
}) {
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <FormError error={error} />
      <button type="button" className="button-secondary" onClick={onLoadMore} disabled={loading}>
        {loading ? 'Loading…' : label}
      </button>
    </div>
  );
}
