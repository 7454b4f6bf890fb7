/** Steps through the app's screens, as a person would take them. */
import { expect, type Page } from '@playwright/test';

export type Role = 'Observer' | 'Contributor' | 'Moderator' | 'Owner';

/** From the workspace list: a new workspace; ends on its page and returns its address. */
export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.goto('/workspaces');
  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('Made by an end-to-end test.');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Your role: Owner')).toBeVisible();
  return new URL(page.url()).pathname;
}

/** On a workspace's page: a new thread; ends on the thread and returns its address. */
export async function createThread(page: Page, title: string, firstPost?: string): Promise<string> {
  await page.getByRole('button', { name: 'New thread' }).click();
  await page.getByLabel('Title').fill(title);
  if (firstPost) await page.getByLabel('First post (Markdown, optional)').fill(firstPost);
  await page.getByRole('button', { name: 'Start thread' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** The workspace's Invitations tab: invites one person by email. */
export async function inviteByEmail(
  page: Page,
  workspacePath: string,
  email: string,
  role: Role = 'Contributor',
): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith(workspacePath)) await page.goto(workspacePath);
  await page
    .getByRole('navigation', { name: 'Workspace sections' })
    .getByRole('link', { name: 'Invitations' })
    .click();
  const form = page.getByRole('form', { name: 'Invite' });
  await form.getByLabel('One person').check();
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption({ label: role });
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByRole('status')).toHaveText(`Invitation sent to ${email}.`);
}

/** From the workspace list: accepts the invitation to `workspace`; ends on its page. */
export async function acceptInvitation(page: Page, workspace: string): Promise<void> {
  await page.goto('/workspaces');
  await page.getByRole('button', { name: `Accept invitation to ${workspace}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: workspace })).toBeVisible();
}

/** The composer of the open thread. */
export function composer(page: Page) {
  return page.getByRole('form', { name: 'Write a post' });
}

/** Writes a post in the open thread and waits until it is shown. */
export async function post(page: Page, body: string): Promise<void> {
  const form = composer(page);
  await form.getByRole('textbox').fill(body);
  await form.getByRole('button', { name: 'Post' }).click();
  await expect(posts(page, body)).toHaveCount(1);
  await expect(form.getByRole('textbox')).toHaveValue('');
}

/** The posts of the open thread that contain `text`. */
export function posts(page: Page, text: string) {
  return page.getByRole('article').filter({ hasText: text });
}

/** The advisory page's editor (while the advisory may change). */
export function editor(page: Page) {
  return page.getByRole('form', { name: /^Edit revision \d+/ });
}

/** On a workspace's page: a new advisory; ends on the advisory and returns its address. */
export async function createAdvisory(
  page: Page,
  workspacePath: string,
  title: string,
  tlp: 'CLEAR' | 'GREEN' | 'AMBER' = 'CLEAR',
): Promise<string> {
  await page.goto(`${workspacePath}/advisories`);
  await page.getByRole('button', { name: 'New advisory' }).click();
  const form = page.getByRole('form', { name: 'New advisory' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('TLP').selectOption(tlp);
  await form.getByRole('button', { name: 'Create advisory' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(editor(page)).toBeVisible();
  return new URL(page.url()).pathname;
}
