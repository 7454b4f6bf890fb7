import { fireEvent, render, screen } from '@testing-library/react';
import { parse } from 'graphql';
import { Client, fetchExchange, Provider, type TypedDocumentNode } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { PagedStates } from '../components/LoadMore';
import { usePagedQuery } from './useLoadMore';

interface ItemsData {
  items: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const ItemsDocument = parse(`
  query Items($kind: String!, $after: String) {
    items(kind: $kind, after: $after) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`) as TypedDocumentNode<ItemsData, { kind: string; after?: string | null }>;

function Items() {
  const items = usePagedQuery({
    query: ItemsDocument,
    variables: { kind: 'alert' },
    connection: (data) => data.items,
  });
  return (
    <PagedStates paged={items} loading="Loading items…" empty="No items." more="Show more items">
      <ul>
        {items.nodes.map((item) => (
          <li key={item.id}>{item.id}</li>
        ))}
      </ul>
    </PagedStates>
  );
}

/** A server answering each request with `answer(variables)`, and the variables it was sent. */
function setup(answer: (variables: Record<string, unknown>) => unknown) {
  const sent: Record<string, unknown>[] = [];
  const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    const { variables } = JSON.parse(init?.body as string) as { variables: Record<string, unknown> };
    sent.push(variables);
    return Promise.resolve(
      new Response(JSON.stringify(answer(variables)), { headers: { 'content-type': 'application/json' } }),
    );
  });
  const client = new Client({
    url: 'http://hub.test/graphql',
    exchanges: [fetchExchange],
    fetch,
    preferGetMethod: false,
  });
  render(
    <Provider value={client}>
      <Items />
    </Provider>,
  );
  return sent;
}

const page = (ids: string[], endCursor: string | null) => ({
  data: { items: { nodes: ids.map((id) => ({ id })), pageInfo: { hasNextPage: endCursor !== null, endCursor } } },
});

describe('usePagedQuery', () => {
  it('asks for the first page without `after`, then for the next one after its last cursor', async () => {
    const sent = setup((variables) =>
      variables.after === 'cursor-b' ? page(['c'], null) : page(['a', 'b'], 'cursor-b'),
    );
    expect(screen.getByRole('status').textContent).toBe('Loading items…');

    expect(await screen.findByText('b')).toBeTruthy();
    expect(sent).toEqual([{ kind: 'alert' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Show more items' }));
    expect(await screen.findByText('c')).toBeTruthy();
    expect(sent[1]).toEqual({ kind: 'alert', after: 'cursor-b' });
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['a', 'b', 'c']);
    expect(screen.queryByRole('button', { name: 'Show more items' })).toBeNull();
  });

  it('says when there is nothing to list', async () => {
    setup(() => page([], null));
    expect(await screen.findByText('No items.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows the error of a first page that failed', async () => {
    setup(() => ({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
    expect((await screen.findByRole('alert')).textContent).toBe('You do not have permission to do this.');
  });
});
