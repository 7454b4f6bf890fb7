import { describe, expect, it } from 'vitest';
import { alertAnchor, mergeAlerts } from './AlertCard';

const alert = (id: string, minute: number) => ({
  id,
  issuedAt: `2030-01-01T10:${String(minute).padStart(2, '0')}:00Z`,
});

describe('mergeAlerts', () => {
  it('lists each alert once, newest first, the live copy winning', () => {
    const merged = mergeAlerts([alert('a', 1), alert('b', 2)], [alert('c', 3), { ...alert('a', 1) }]);
    expect(merged.map((a) => a.id)).toEqual(['c', 'b', 'a']);
  });

  it('anchors alerts by their id, in characters fit for a URL', () => {
    expect(alertAnchor('QWxlcnQ6MTIz')).toBe('alert-QWxlcnQ6MTIz');
    expect(alertAnchor('a/b+c')).toBe('alert-a_b_c');
  });
});
