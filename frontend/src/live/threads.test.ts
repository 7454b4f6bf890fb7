import { describe, expect, it } from 'vitest';
import { mergeThreads } from './threads';

const thread = (id: string, minute: number, pinned = false, title = id) => ({
  id,
  title,
  pinned,
  lastActivityAt: `2030-01-01T10:${String(minute).padStart(2, '0')}:00Z`,
});

describe('mergeThreads', () => {
  it('puts pinned threads first, then the most recently active', () => {
    const merged = mergeThreads([thread('a', 1), thread('b', 5), thread('c', 3, true)], []);
    expect(merged.map((t) => t.id)).toEqual(['c', 'b', 'a']);
  });

  it('adds a thread created live and moves an active one up', () => {
    const merged = mergeThreads([thread('a', 1), thread('b', 2)], [thread('new', 9), thread('a', 10)]);
    expect(merged.map((t) => t.id)).toEqual(['a', 'new', 'b']);
  });

  it('lists each thread once, in its latest state', () => {
    const merged = mergeThreads([thread('a', 1)], [thread('a', 1, false, 'renamed')]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.title).toBe('renamed');
  });

  it('does not turn a thread back to an older state', () => {
    const merged = mergeThreads([thread('a', 8, false, 'fresh')], [thread('a', 2, false, 'stale')]);
    expect(merged[0]?.title).toBe('fresh');
  });
});
