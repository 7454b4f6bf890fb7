/**
 * A workspace's thread list with live activity merged in: each thread once, in its newest
 * state, pinned threads first, then the most recently active.
 */
export interface MergeableThread {
  readonly id: string;
  readonly pinned: boolean;
  readonly lastActivityAt: string;
}

export function compareThreads(a: MergeableThread, b: MergeableThread): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  const diff = Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt);
  if (diff !== 0) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `loaded` from queries, `live` from events, in the order they arrived (a later event wins
 * over an earlier one, and over a query's copy unless that one is more recent). */
export function mergeThreads<T extends MergeableThread>(
  loaded: readonly T[],
  live: readonly T[],
): T[] {
  const byId = new Map<string, T>();
  for (const thread of loaded) {
    const seen = byId.get(thread.id);
    // A thread may show up on two pages when activity reorders the list between them.
    if (!seen || Date.parse(thread.lastActivityAt) >= Date.parse(seen.lastActivityAt)) {
      byId.set(thread.id, thread);
    }
  }
  for (const thread of live) {
    const seen = byId.get(thread.id);
    // An event older than what a later query brought does not turn the clock back.
    if (!seen || Date.parse(thread.lastActivityAt) >= Date.parse(seen.lastActivityAt)) {
      byId.set(thread.id, thread);
    }
  }
  return [...byId.values()].sort(compareThreads);
}
