import { describe, expect, it } from 'vitest';
import { isNewer, type MergeablePost, mergePosts } from './posts';

interface Post extends MergeablePost {
  readonly body: string;
}

const post = (id: string, minute: number, extra: Partial<Post> = {}): Post => ({
  id,
  createdAt: `2030-01-01T10:${String(minute).padStart(2, '0')}:00Z`,
  version: 1,
  removed: false,
  body: `post ${id}`,
  ...extra,
});

describe('mergePosts', () => {
  it('appends new posts in time order and reports them', () => {
    const list = [post('a', 1), post('b', 2)];
    const { posts, added } = mergePosts(list, [post('c', 3)]);
    expect(posts.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(added.map((p) => p.id)).toEqual(['c']);
  });

  it('keeps one copy of a post that arrives from the mutation and the subscription', () => {
    const mine = post('c', 3);
    const first = mergePosts([post('a', 1)], [mine]);
    const second = mergePosts(first.posts, [{ ...mine }]);
    expect(second.posts.map((p) => p.id)).toEqual(['a', 'c']);
    expect(second.added).toEqual([]);
  });

  it('dedupes within one batch', () => {
    const { posts, added } = mergePosts([], [post('a', 1), post('a', 1), post('b', 2)]);
    expect(posts.map((p) => p.id)).toEqual(['a', 'b']);
    expect(added.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('takes the newer version of an edited post', () => {
    const { posts } = mergePosts([post('a', 1)], [post('a', 1, { version: 2, body: 'edited' })]);
    expect(posts[0]?.body).toBe('edited');
  });

  it('does not let an older copy overwrite an edit', () => {
    const edited = post('a', 1, { version: 3, body: 'v3' });
    const { posts } = mergePosts([edited], [post('a', 1, { version: 2, body: 'v2' })]);
    expect(posts[0]?.body).toBe('v3');
  });

  it('keeps a removal when a copy read before it arrives', () => {
    const removed = post('a', 1, { removed: true, body: '' });
    const { posts } = mergePosts([removed], [post('a', 1)]);
    expect(posts[0]?.removed).toBe(true);
  });

  it('sorts a late post into place', () => {
    const { posts } = mergePosts([post('a', 1), post('c', 3)], [post('b', 2)]);
    expect(posts.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('returns the same array when nothing changed, so nothing re-renders', () => {
    const only = post('a', 1);
    const list = [only];
    expect(mergePosts(list, []).posts).toBe(list);
    expect(mergePosts(list, [only]).posts).toBe(list);
    expect(mergePosts(list, [post('a', 1, { version: 0 })]).posts).toBe(list);
  });

  it('prefers the copy that arrived last for the same version', () => {
    expect(isNewer(post('a', 1), post('a', 1))).toBe(true);
    expect(isNewer(post('a', 1, { version: 2 }), post('a', 1))).toBe(false);
  });
});
