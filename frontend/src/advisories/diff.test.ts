import { describe, expect, it } from 'vitest';
import { diffRows, diffStats, type DiffLineInput } from './diff';

const same = (text: string): DiffLineInput => ({ change: 'UNCHANGED', text });

describe('diffRows', () => {
  it('numbers lines in the revision each belongs to', () => {
    const rows = diffRows([same('a'), { change: 'REMOVED', text: 'b' }, { change: 'ADDED', text: 'B' }, same('c')]);
    expect(rows).toEqual([
      { kind: 'line', change: 'UNCHANGED', text: 'a', before: 1, after: 1 },
      { kind: 'line', change: 'REMOVED', text: 'b', before: 2, after: null },
      { kind: 'line', change: 'ADDED', text: 'B', before: null, after: 2 },
      { kind: 'line', change: 'UNCHANGED', text: 'c', before: 3, after: 3 },
    ]);
  });

  it('folds long unchanged stretches, keeping context around each change', () => {
    const lines = [
      ...['1', '2', '3', '4', '5'].map(same),
      { change: 'ADDED' as const, text: 'new' },
      ...['6', '7', '8', '9', '10', '11', '12'].map(same),
      { change: 'REMOVED' as const, text: 'old' },
      same('13'),
    ];
    const rows = diffRows(lines, 2);
    expect(rows.map((r) => (r.kind === 'fold' ? `…${String(r.count)}` : r.text))).toEqual([
      '…3',
      '4',
      '5',
      'new',
      '6',
      '7',
      '…3',
      '11',
      '12',
      'old',
      '13',
    ]);
  });

  it('folds everything when nothing changed, and counts changes', () => {
    expect(diffRows(['a', 'b'].map(same))).toEqual([{ kind: 'fold', count: 2 }]);
    expect(diffRows([])).toEqual([]);
    expect(diffStats([same('a'), { change: 'ADDED', text: 'b' }, { change: 'REMOVED', text: 'c' }])).toEqual({
      added: 1,
      removed: 1,
    });
  });
});
