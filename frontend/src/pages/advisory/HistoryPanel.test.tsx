import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Client, fetchExchange, Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { bodyDiffState, DiffView, HistoryPanel } from './HistoryPanel';

const bodyField = { field: 'body', before: 'a\nb', after: 'a\nc' };

describe('DiffView', () => {
  it('shows changed fields before and after, and marks body lines in words, not colour alone', () => {
    render(
      <DiffView
        diff={{
          from: 1,
          to: 2,
          bodyComplete: true,
          fields: [{ field: 'title', before: 'Old title', after: 'New title' }, bodyField],
          body: [
            { change: 'UNCHANGED', text: 'a' },
            { change: 'REMOVED', text: 'b' },
            { change: 'ADDED', text: 'c' },
          ],
        }}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Changes from revision 1 to revision 2' })).toBeTruthy();
    const title = screen.getByRole('row', { name: /Title/ });
    expect(title.querySelector('del')?.textContent).toBe('Old title');
    expect(title.querySelector('ins')?.textContent).toBe('New title');
    // The body is not repeated as a field; its lines are.
    expect(screen.queryByRole('row', { name: /^Body/ })).toBeNull();
    const lines = screen.getByRole('table', { name: 'Body changes from revision 1 to 2' });
    expect(lines.textContent).toContain('Removed:b');
    expect(lines.textContent).toContain('Added:c');
    expect(lines.querySelector('del')?.textContent).toBe('b');
    expect(lines.querySelector('ins')?.textContent).toBe('c');
    expect(screen.getByText('Body: 1 line added, 1 line removed')).toBeTruthy();
    expect(screen.queryByText(/too long/)).toBeNull();
  });

  it('says so when the bodies were too long to compare line by line', () => {
    render(<DiffView diff={{ from: 1, to: 2, bodyComplete: false, fields: [bodyField], body: [] }} />);
    expect(screen.getByText('The bodies are too long to compare line by line; the body changed.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /^Body changes/ })).toBeNull();
    expect(screen.queryByText('No differences.')).toBeNull();
  });

  it('says so when the line diff was cut, and counts only the lines shown', () => {
    const body = [
      ...Array.from({ length: 4_998 }, (_, i) => ({ change: 'UNCHANGED' as const, text: `line ${String(i)}` })),
      { change: 'REMOVED' as const, text: 'old' },
      { change: 'ADDED' as const, text: 'new' },
    ];
    render(<DiffView diff={{ from: 3, to: 4, bodyComplete: false, fields: [bodyField], body }} />);
    expect(
      screen.getByText('Body: 1 line added, 1 line removed in the first 5,000 lines of the comparison'),
    ).toBeTruthy();
    expect(screen.getByText(/too long to show in full: only its first 5,000 lines are shown/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Body changes from revision 3 to 4' })).toBeTruthy();
  });

  it('says nothing of a long body that did not change', () => {
    render(
      <DiffView
        diff={{ from: 1, to: 2, bodyComplete: false, fields: [{ field: 'title', before: 'a', after: 'b' }], body: [] }}
      />,
    );
    expect(screen.queryByText(/too long/)).toBeNull();
    expect(screen.queryByRole('heading', { name: /^Body/ })).toBeNull();
  });
});

describe('bodyDiffState', () => {
  it('tells a whole diff, none and a cut one apart', () => {
    expect(bodyDiffState({ bodyComplete: true, body: [] })).toBe('complete');
    expect(bodyDiffState({ bodyComplete: false, body: [] })).toBe('too-long');
    expect(bodyDiffState({ bodyComplete: false, body: [{ change: 'ADDED', text: 'a' }] })).toBe('cut');
  });
});

/** The revision list's server: `answer(after)` gives the page after that cursor. */
function renderHistory(answer: (after: unknown) => unknown, revision: number) {
  const sent: unknown[] = [];
  const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    const { variables } = JSON.parse(init?.body as string) as { variables: { after?: unknown } };
    sent.push(variables.after);
    return Promise.resolve(
      new Response(JSON.stringify(answer(variables.after)), { headers: { 'content-type': 'application/json' } }),
    );
  });
  const client = new Client({ url: 'http://hub.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false });
  const view = render(
    <Provider value={client}>
      <HistoryPanel advisoryId="adv-1" revision={revision} tick={0} />
    </Provider>,
  );
  return { sent, view };
}

const revisions = (numbers: number[], endCursor: string | null) => ({
  data: {
    advisory: {
      __typename: 'Advisory',
      id: 'adv-1',
      revisions: {
        __typename: 'AdvisoryRevisionConnection',
        nodes: numbers.map((number) => ({
          __typename: 'AdvisoryRevision',
          number,
          createdAt: '2026-11-28T10:00:00Z',
          title: `Title ${String(number)}`,
          author: null,
        })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
      },
    },
  },
});

describe('HistoryPanel', () => {
  it('pages older revisions with the server’s cursor as `after`', async () => {
    // Keyset cursors on the revision number, opaque to the client.
    const cursor = btoa('revision:2').replace(/=+$/, '');
    const { sent } = renderHistory((after) => (after === cursor ? revisions([1], null) : revisions([3, 2], cursor)), 3);
    expect(await screen.findByText('Revision 2')).toBeTruthy();
    expect(screen.queryByText('Revision 1')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show older revisions' }));
    expect(await screen.findByText('Revision 1')).toBeTruthy();
    expect(sent).toEqual([undefined, cursor]);
    expect(screen.queryByRole('button', { name: 'Show older revisions' })).toBeNull();
    // Revisions whose author the viewer may not see are still listed.
    expect(screen.getAllByText(/^Someone,/)).toHaveLength(3);
  });

  it('shows nothing to a reader who gets no revisions (outside the workspace)', async () => {
    const { sent, view } = renderHistory(() => revisions([], null), 3);
    await waitFor(() => expect(sent).toHaveLength(1));
    await waitFor(() => expect(view.container.innerHTML).toBe(''));
    expect(screen.queryByRole('region', { name: 'Revision history' })).toBeNull();
    expect(screen.queryByText('No revisions.')).toBeNull();
  });
});
