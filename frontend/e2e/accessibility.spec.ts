import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createDraftAdvisory, publishPublicAdvisory } from './api';
import { ACCOUNTS, apiToken, expect, screenshot, signInWithCookie, test, unique } from './fixtures';

/** axe-core (WCAG 2 A and AA rules) on the page as it is now: nothing serious or critical. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const grave = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  expect(grave, `serious or critical accessibility violations on ${screen}`).toEqual([]);
}

/** A demo workspace of the analyst and one of its threads (demo content). */
const WORKSPACE = 'Ransomware Task Force';

test('the member screens have no serious accessibility problems', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'the sign-in screen');
  await screenshot(page, 'sign-in');

  await signInWithCookie(context, ACCOUNTS.analyst.email);
  await page.goto('/workspaces');
  await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();
  await expect(page.getByRole('link', { name: WORKSPACE })).toBeVisible();
  await expectAccessible(page, 'the workspace list');
  await screenshot(page, 'workspaces');

  await page.getByRole('link', { name: WORKSPACE }).click();
  await expect(page.getByRole('heading', { level: 1, name: WORKSPACE })).toBeVisible();
  const threads = page.getByRole('region', { name: 'Threads' }).getByRole('listitem');
  await expect(threads.first()).toBeVisible();
  await expectAccessible(page, 'a workspace');
  await screenshot(page, 'workspace');

  await threads.first().getByRole('link').click();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('form', { name: 'Write a post' })).toBeVisible();
  await expectAccessible(page, 'a thread');
  await screenshot(page, 'thread');

  await page.getByRole('button', { name: /^Notifications/ }).click();
  await page.getByRole('link', { name: 'All notifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expectAccessible(page, 'the notifications');
  await screenshot(page, 'notifications');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await page.getByLabel('Search threads and posts').fill('LockBit');
  await page.getByLabel('Search threads and posts').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /results? for “LockBit”/ })).toBeVisible();
  await expectAccessible(page, 'search');
  await screenshot(page, 'search');
});

test('the admin screens have no serious accessibility problems', async ({ page, context }) => {
  await signInWithCookie(context, ACCOUNTS.admin.email);
  for (const [link, heading, name] of [
    ['Organisations', 'Organisations', 'admin-organisations'],
    ['Users', 'Users', 'admin-users'],
    ['API tokens', 'API tokens', 'admin-api-tokens'],
  ] as const) {
    await page.goto('/workspaces');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    await expect(page.getByRole('table').or(page.getByRole('list')).first()).toBeVisible();
    await expectAccessible(page, `the admin screen ${heading}`);
    await screenshot(page, name);
  }
});

test('the advisory, alert and public screens have no serious accessibility problems', async ({
  page,
  context,
  request,
  newContext,
}) => {
  const token = await apiToken(request, ACCOUNTS.analyst.email);
  const published = await publishPublicAdvisory(request, token, unique('Accessible advisory'));
  const draftTitle = unique('Accessible draft');
  await createDraftAdvisory(request, token, published.workspaceId, draftTitle);

  await signInWithCookie(context, ACCOUNTS.analyst.email);
  await page.goto(`/workspaces/${encodeURIComponent(published.workspaceId)}/advisories`);
  await expect(page.getByRole('heading', { level: 2, name: 'Advisories' })).toBeVisible();
  await expect(page.getByRole('link', { name: draftTitle })).toBeVisible();
  await expectAccessible(page, 'the workspace’s advisories');
  await screenshot(page, 'workspace-advisories');

  await page.getByRole('link', { name: draftTitle }).click();
  await expect(page.getByRole('form', { name: 'Edit revision 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Preview of Body' }).getByRole('heading', { name: 'Draft' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expectAccessible(page, 'the advisory editor');

  await page.goto(`/advisories/${encodeURIComponent(published.id)}`);
  await expect(page.locator('p.reference')).toHaveText(published.reference);
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expectAccessible(page, 'a published advisory');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expectAccessible(page, 'the alerts');

  const reader = await (await newContext()).newPage();
  await reader.goto('/public');
  await expect(reader.getByRole('link', { name: published.title })).toBeVisible();
  await expectAccessible(reader, 'the public page');
  await reader.getByRole('link', { name: published.title }).click();
  await expect(reader.getByRole('heading', { level: 1, name: published.title })).toBeVisible();
  await expectAccessible(reader, 'a public advisory');
});

test('the training screens have no serious accessibility problems', async ({ page, context, newContext }) => {
  const demoProgramme = 'Ransomware incident response for first responders';
  await signInWithCookie(context, ACCOUNTS.analyst.email);
  await page.goto('/training');
  await expect(page.getByRole('heading', { level: 1, name: 'Training' })).toBeVisible();
  await expect(page.getByRole('link', { name: demoProgramme })).toBeVisible();
  await expectAccessible(page, 'the training catalogue');
  await screenshot(page, 'training-catalogue');

  await page.getByRole('link', { name: demoProgramme }).click();
  await expect(page.getByRole('heading', { level: 1, name: demoProgramme })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Session 1' })).toBeVisible();
  await expectAccessible(page, 'a programme');
  await screenshot(page, 'training-programme');

  await page.goto('/training/mine');
  await expect(page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  const certificate = page.getByRole('table', { name: 'Your certificates' }).getByRole('link').nth(1);
  await expect(certificate).toBeVisible();
  await expectAccessible(page, 'my training');
  await screenshot(page, 'training-mine-demo');
  const code = (await certificate.textContent())?.trim() ?? '';

  // The verification page, without signing in.
  const anonymous = await (await newContext()).newPage();
  await anonymous.goto(`/verify/${encodeURIComponent(code)}`);
  await expect(anonymous.getByRole('region', { name: `Result for ${code}` })).toContainText('VALID');
  await expectAccessible(anonymous, 'a certificate’s verification');
  await anonymous.goto('/verify');
  await expect(anonymous.getByLabel('Certificate code')).toBeVisible();
  await expectAccessible(anonymous, 'the verification form');

  // The provider's view of the same programme: management, participants, certificates.
  const provider = await newContext();
  await signInWithCookie(provider, ACCOUNTS.researcher.email);
  const manager = await provider.newPage();
  await manager.goto('/training');
  await manager.getByRole('link', { name: demoProgramme }).click();
  await expect(manager.getByRole('region', { name: 'Manage programme' })).toBeVisible();
  await expect(manager.getByRole('table', { name: 'Participants of session 1' })).toBeVisible();
  await expect(manager.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expectAccessible(manager, 'a programme, as its provider');
  await screenshot(manager, 'training-programme-provider');
});
