import { type SubmitEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { LoadMore } from '../components/LoadMore';
import { Snippet } from '../components/Snippet';
import { Empty, ErrorNotice, Loading } from '../components/States';
import { TlpBadge } from '../components/TlpBadge';
import { graphql } from '../gql';
import { formatDateTime, paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useLoadMore } from '../lib/useLoadMore';

graphql(`
  fragment SearchHitItem on SearchHit {
    kind
    rank
    snippetHtml
    thread {
      id
      title
      tlp
      workspace {
        id
        name
      }
    }
    post {
      id
      createdAt
      author {
        id
        displayName
      }
    }
  }
`);

const SearchDocument = graphql(`
  query Search($query: String!, $workspaceId: ID, $after: String) {
    search(query: $query, workspaceId: $workspaceId, first: 20, after: $after) {
      nodes {
        ...SearchHitItem
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SearchScopesDocument = graphql(`
  query SearchScopes {
    workspaces(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const workspaceId = params.get('workspace') ?? '';
  useDocumentTitle(query ? `Search: ${query}` : 'Search');
  const client = useClient();

  const [result, refetch] = useQuery({
    query: SearchDocument,
    variables: { query, workspaceId: workspaceId || null },
    pause: query === '',
  });

  const list = useLoadMore(result.data?.search, async (after) => {
    const r = await client
      .query(SearchDocument, { query, workspaceId: workspaceId || null, after })
      .toPromise();
    return { connection: r.data?.search, error: r.error };
  });

  return (
    <div className="page">
      <h1>Search</h1>
      <SearchForm
        key={`${query}\u0000${workspaceId}`}
        query={query}
        workspaceId={workspaceId}
        onSearch={(q, w) => {
          const next = new URLSearchParams();
          if (q) next.set('q', q);
          if (w) next.set('workspace', w);
          setParams(next);
        }}
      />

      <section aria-labelledby="results-heading" className="section">
        <h2 id="results-heading" className="visually-hidden">
          Results
        </h2>
        {query === '' ? (
          <Empty>Type words to look for in the threads and posts you can read.</Empty>
        ) : result.error && !result.data ? (
          <ErrorNotice error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !result.data || result.fetching ? (
          <Loading label="Searching…" />
        ) : list.nodes.length === 0 ? (
          <Empty>Nothing found for “{query}”.</Empty>
        ) : (
          <>
            <p className="meta" role="status">
              {list.hasMore ? `More than ${String(list.nodes.length)}` : String(list.nodes.length)}{' '}
              {list.nodes.length === 1 ? 'result' : 'results'} for “{query}”
            </p>
            <ol className="search-results">
              {list.nodes.map((hit, i) => (
                <li key={`${hit.thread.id}-${hit.post?.id ?? 'thread'}-${String(i)}`} className="card">
                  <div className="card-title-row">
                    <h3>
                      <Link to={paths.thread(hit.thread.id, hit.post?.id)}>{hit.thread.title}</Link>
                    </h3>
                    <TlpBadge tlp={hit.thread.tlp} />
                  </div>
                  <p className="snippet">
                    <Snippet html={hit.snippetHtml} />
                  </p>
                  <p className="meta">
                    {hit.kind === 'POST' ? 'Post' : 'Thread'} in {hit.thread.workspace.name}
                    {hit.post && (
                      <>
                        {hit.post.author ? ` · ${hit.post.author.displayName}` : ''}
                        {' · '}
                        <time dateTime={hit.post.createdAt}>{formatDateTime(hit.post.createdAt)}</time>
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
        <LoadMore
          hasMore={query !== '' && list.hasMore}
          loading={list.loadingMore}
          error={list.loadMoreError}
          onLoadMore={list.loadMore}
          label="Show more results"
        />
      </section>
    </div>
  );
}

function SearchForm({
  query,
  workspaceId,
  onSearch,
}: {
  query: string;
  workspaceId: string;
  onSearch: (query: string, workspaceId: string) => void;
}) {
  const [draft, setDraft] = useState(query);
  const [scope, setScope] = useState(workspaceId);
  const [scopes] = useQuery({ query: SearchScopesDocument });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onSearch(draft.trim(), scope);
  };

  return (
    <form role="search" className="search-form" onSubmit={submit}>
      <div className="field grow">
        <label htmlFor="search-query">Search threads and posts</label>
        <input
          id="search-query"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="search-scope">In</label>
        <select id="search-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="">All your workspaces</option>
          {scopes.data?.workspaces.nodes.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-primary">
        Search
      </button>
    </form>
  );
}
