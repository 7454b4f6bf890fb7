import { type SubmitEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CardTitle } from '../components/CardTitle';
import { PagedStates } from '../components/LoadMore';
import { Snippet } from '../components/Snippet';
import { Empty } from '../components/States';
import { graphql } from '../gql';
import { formatDateTime, paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { usePagedQuery } from '../lib/useLoadMore';

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
        ...PageCursor
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
  const results = usePagedQuery({
    query: SearchDocument,
    variables: { query, workspaceId: workspaceId || null },
    connection: (data) => data.search,
    pause: query === '',
  });
  const count = results.nodes.length;

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
        ) : (
          <PagedStates
            paged={results}
            loading="Searching…"
            stale={results.result.fetching}
            empty={`Nothing found for “${query}”.`}
            more="Show more results"
          >
            <p className="meta" role="status">
              {results.hasMore ? `More than ${String(count)}` : String(count)}{' '}
              {count === 1 ? 'result' : 'results'} for “{query}”
            </p>
            <ol className="search-results">
              {results.nodes.map((hit, i) => (
                <li key={`${hit.thread.id}-${hit.post?.id ?? 'thread'}-${String(i)}`} className="card">
                  <CardTitle
                    to={paths.thread(hit.thread.id, hit.post?.id)}
                    title={hit.thread.title}
                    tlp={hit.thread.tlp}
                  />
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
          </PagedStates>
        )}
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
