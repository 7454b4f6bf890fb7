/**
 * The body's line diff as the history shows it: changed lines with a few unchanged lines of
 * context around them, longer unchanged stretches folded into one "n unchanged lines" row,
 * and each line numbered in the revision it belongs to.
 */
import type { LineChange } from '../gql/graphql';

export interface DiffLineInput {
  readonly change: LineChange;
  readonly text: string;
}

export type DiffRow =
  | {
      readonly kind: 'line';
      readonly change: LineChange;
      readonly text: string;
      /** Line number in the older revision (unchanged and removed lines). */
      readonly before: number | null;
      /** Line number in the newer revision (unchanged and added lines). */
      readonly after: number | null;
    }
  | { readonly kind: 'fold'; readonly count: number };

export function diffRows(lines: readonly DiffLineInput[], context = 2): DiffRow[] {
  let before = 0;
  let after = 0;
  const numbered = lines.map((line) => {
    const b = line.change === 'ADDED' ? null : ++before;
    const a = line.change === 'REMOVED' ? null : ++after;
    return { kind: 'line' as const, change: line.change, text: line.text, before: b, after: a };
  });
  // Which lines are shown: every change, and `context` lines either side of one.
  const shown = numbered.map(() => false);
  numbered.forEach((line, i) => {
    if (line.change === 'UNCHANGED') return;
    for (let j = Math.max(0, i - context); j <= Math.min(numbered.length - 1, i + context); j += 1) {
      shown[j] = true;
    }
  });
  const rows: DiffRow[] = [];
  let folded = 0;
  numbered.forEach((line, i) => {
    if (shown[i]) {
      if (folded > 0) rows.push({ kind: 'fold', count: folded });
      folded = 0;
      rows.push(line);
    } else {
      folded += 1;
    }
  });
  if (folded > 0) rows.push({ kind: 'fold', count: folded });
  return rows;
}

/** How many lines were added and removed. */
export function diffStats(lines: readonly DiffLineInput[]): { added: number; removed: number } {
  return {
    added: lines.filter((l) => l.change === 'ADDED').length,
    removed: lines.filter((l) => l.change === 'REMOVED').length,
  };
}
