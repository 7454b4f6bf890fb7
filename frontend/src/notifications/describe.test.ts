import { describe, expect, it } from 'vitest';
import type { NotificationItemFragment } from '../gql/graphql';
import { notificationLink, notificationText } from './describe';

const base: NotificationItemFragment = {
  id: 'n1',
  kind: 'MENTION',
  read: false,
  createdAt: '2030-01-01T10:00:00Z',
  invitationId: null,
  programmeId: null,
  sessionId: null,
  actor: { id: 'u1', displayName: 'Ana', organization: { id: 'o1', name: 'CERT' } },
  workspace: { id: 'w1', name: 'Grid' },
  thread: { id: 't1', title: 'Outage', tlp: 'AMBER' },
  post: { id: 'p1' },
  advisory: null,
};

describe('notifications', () => {
  it('describes mentions, replies and invitations', () => {
    expect(notificationText(base)).toBe('Ana mentioned you in “Outage”');
    expect(notificationText({ ...base, kind: 'REPLY' })).toBe('Ana replied to your post in “Outage”');
    expect(notificationText({ ...base, kind: 'INVITATION', workspace: null, thread: null })).toBe(
      'Ana invited you to a workspace',
    );
  });

  it('describes sign-off requests and publications of advisories, and links to them', () => {
    const advisory = { ...base, kind: 'SIGN_OFF_REQUESTED' as const, thread: null, post: null, advisory: { id: 'a1', title: 'Loader' } };
    expect(notificationText(advisory)).toBe('“Loader” needs your organisation’s sign-off');
    expect(notificationText({ ...advisory, kind: 'ADVISORY_PUBLISHED' })).toBe('“Loader” was published');
    expect(notificationLink(advisory)).toBe('/advisories/a1');
  });

  it('links to the post, or to the pending invitations', () => {
    expect(notificationLink(base)).toBe('/threads/t1#post-p1');
    expect(notificationLink({ ...base, kind: 'INVITATION' })).toBe('/workspaces#invitations');
  });

  it('links training notifications to the programme', () => {
    const seat = {
      ...base,
      kind: 'SEAT_FROM_WAITING_LIST' as const,
      workspace: null,
      thread: null,
      post: null,
      programmeId: 'p/1',
      sessionId: 's1',
    };
    expect(notificationText(seat)).toBe('A seat came free: you moved up from the waiting list');
    expect(notificationLink(seat)).toBe('/training/p%2F1');
  });
});
