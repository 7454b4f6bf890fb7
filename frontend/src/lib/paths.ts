/** URLs of the screens. Global ids are opaque, so they are always encoded. */
export const paths = {
  workspaces: () => '/workspaces',
  invitations: () => '/workspaces#invitations',
  workspace: (id: string) => `/workspaces/${encodeURIComponent(id)}`,
  workspaceMembers: (id: string) => `/workspaces/${encodeURIComponent(id)}/members`,
  workspaceInvitations: (id: string) => `/workspaces/${encodeURIComponent(id)}/invitations`,
  workspaceAdvisories: (id: string) => `/workspaces/${encodeURIComponent(id)}/advisories`,
  advisory: (id: string) => `/advisories/${encodeURIComponent(id)}`,
  alerts: () => '/alerts',
  publicHome: () => '/public',
  publicAdvisory: (id: string) => `/public/advisories/${encodeURIComponent(id)}`,
  atomFeed: () => '/feeds/alerts.atom',
  thread: (id: string, postId?: string | null) =>
    `/threads/${encodeURIComponent(id)}${postId ? `#${postAnchor(postId)}` : ''}`,
  search: (query?: string) => (query ? `/search?q=${encodeURIComponent(query)}` : '/search'),
  notifications: () => '/notifications',
  training: () => '/training',
  myTraining: () => '/training/mine',
  programme: (id: string) => `/training/${encodeURIComponent(id)}`,
  verify: (code?: string) => (code ? `/verify/${encodeURIComponent(code)}` : '/verify'),
  organizations: () => '/admin/organizations',
  users: () => '/admin/users',
  apiTokens: () => '/admin/tokens',
};

/** The element id of a post on its thread's page (ids may hold characters unfit for URLs). */
export function postAnchor(postId: string): string {
  return `post-${postId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}
