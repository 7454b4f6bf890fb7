import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiffView } from './HistoryPanel';

describe('DiffView', () => {
  it('shows changed fields before and after, and marks body lines in words, not colour alone', () => {
    render(
      <DiffView
        diff={{
          from: 1,
          to: 2,
          fields: [
            { field: 'title', before: 'Old title', after: 'New title' },
            { field: 'body', before: 'a\nb', after: 'a\nc' },
          ],
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
  });
});
