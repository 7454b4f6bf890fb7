/**
 * The posts of a thread as the reader sees them: loaded pages, posts arriving live, and the
 * results of the reader's own mutations, merged into one list without duplicates. A post may
 * arrive twice (from `createPost` and from `postAdded`); the newer copy wins.
 */
export interface MergeablePost {
  readonly id: string;
  readonly createdAt: string;
  readonly version: number;
  readonly removed: boolean;
}

/** Whether `incoming` should replace `current` (two copies of one post). */
export function isNewer(current: MergeablePost, incoming: MergeablePost): boolean {
  if (incoming.version !== current.version) return incoming.version > current.version;
  // A removal is final: a copy read before it must not bring the body back.
  if (current.removed && !incoming.removed) return false;
  // Same version: the copy that arrived last is the fresher one (reactions, removal).
  return true;
}

function compare(a: MergeablePost, b: MergeablePost): number {
  const at = Date.parse(a.createdAt);
  const bt = Date.parse(b.createdAt);
  if (at !== bt) return at - bt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface MergeResult<T> {
  /** Oldest first; the same array as given when nothing changed. */
  readonly posts: readonly T[];
  /** The posts that were not in the list before, oldest first. */
  readonly added: readonly T[];
}

export function mergePosts<T extends MergeablePost>(
  posts: readonly T[],
  incoming: readonly T[],
): MergeResult<T> {
  if (incoming.length === 0) return { posts, added: [] };
  const byId = new Map<string, T>();
  for (const post of posts) byId.set(post.id, post);
  const added = new Map<string, T>();
  let changed = false;
  for (const post of incoming) {
    const current = byId.get(post.id);
    if (current === undefined) {
      byId.set(post.id, post);
      added.set(post.id, post);
      changed = true;
    } else if (current !== post && isNewer(current, post)) {
      byId.set(post.id, post);
      if (added.has(post.id)) added.set(post.id, post);
      changed = true;
    }
  }
  if (!changed) return { posts, added: [] };
  const merged = [...byId.values()];
  // Already in order unless something new landed before the end: sort only then.
  merged.sort(compare);
  return { posts: merged, added: [...added.values()].sort(compare) };
}
