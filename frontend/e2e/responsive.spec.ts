import type { Page } from '@playwright/test';
import { createDraftAdvisory, publishPublicAdvisory } from './api';
import { ACCOUNTS, apiToken, expect, screenshot, signInWithCookie, test, unique } from './fixtures';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

/** Whether the page is wider than the viewport (a horizontal scrollbar). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

/** Every link of the main navigation lies within the 375 px viewport and can be used. */
async function expectNavigationReachable(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  const links = nav.getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(2);
  for (const link of await links.all()) {
    await expect(link).toBeInViewport({ ratio: 1 });
  }
}

test('at 375 px the workspace list and a thread fit the width, and the navigation is there', async ({
  page,
  context,
}) => {
  await signInWithCookie(context, ACCOUNTS.analyst.email);
  await page.goto('/workspaces');
  await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ransomware Task Force' })).toBeVisible();
  let size = await overflow(page);
  expect(size.scrollWidth, 'workspace list: no horizontal scroll').toBeLessThanOrEqual(size.clientWidth);
  await expectNavigationReachable(page);
  await screenshot(page, 'workspaces-375px');

  await page.getByRole('link', { name: 'Ransomware Task Force' }).click();
  await page.getByRole('region', { name: 'Threads' }).getByRole('listitem').first().getByRole('link').click();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('form', { name: 'Write a post' })).toBeVisible();
  size = await overflow(page);
  expect(size.scrollWidth, 'thread: no horizontal scroll').toBeLessThanOrEqual(size.clientWidth);
  await expectNavigationReachable(page);
  await screenshot(page, 'thread-375px');

  // The navigation works from there: tap Search, then back to the workspaces.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Search' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await nav.getByRole('link', { name: 'Workspaces' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();
});

test('at 375 px the advisory, alert and public screens fit the width', async ({
  page,
  context,
  request,
  newContext,
}) => {
  const token = await apiToken(request, ACCOUNTS.analyst.email);
  const published = await publishPublicAdvisory(request, token, unique('Narrow advisory'));
  const draftTitle = unique('Narrow draft');
  const draftId = await createDraftAdvisory(request, token, published.workspaceId, draftTitle);
  const fits = async (target: Page, screen: string) => {
    await expect(target.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    const size = await overflow(target);
    expect(size.scrollWidth, `${screen}: no horizontal scroll`).toBeLessThanOrEqual(size.clientWidth);
  };

  await signInWithCookie(context, ACCOUNTS.analyst.email);
  await page.goto(`/workspaces/${encodeURIComponent(published.workspaceId)}/advisories`);
  await expect(page.getByRole('link', { name: draftTitle })).toBeVisible();
  await fits(page, 'workspace advisories');
  await expectNavigationReachable(page);

  await page.goto(`/advisories/${encodeURIComponent(draftId)}`);
  await expect(page.getByRole('form', { name: 'Edit revision 2' })).toBeVisible();
  await fits(page, 'advisory editor');
  await screenshot(page, 'advisory-editor-375px');

  await page.goto(`/advisories/${encodeURIComponent(published.id)}`);
  await expect(page.locator('p.reference')).toHaveText(published.reference);
  await fits(page, 'published advisory');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Alerts' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  await fits(page, 'alerts');
  await expectNavigationReachable(page);

  const reader = await (
    await newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
  ).newPage();
  await reader.goto('/public');
  await expect(reader.getByRole('link', { name: published.title })).toBeVisible();
  await fits(reader, 'public page');
  await expectNavigationReachable(reader);
  await screenshot(reader, 'public-375px');
  await reader.goto(`/public/advisories/${encodeURIComponent(published.id)}`);
  await expect(reader.getByRole('heading', { level: 1, name: published.title })).toBeVisible();
  await fits(reader, 'public advisory');
  await screenshot(reader, 'public-advisory-375px');
});

test('at 375 px the training screens and the verification page fit the width', async ({
  page,
  context,
  newContext,
}) => {
  const fits = async (target: Page, screen: string) => {
    await expect(target.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    const size = await overflow(target);
    expect(size.scrollWidth, `${screen}: no horizontal scroll`).toBeLessThanOrEqual(size.clientWidth);
  };
  const demoProgramme = 'Ransomware incident response for first responders';
  await signInWithCookie(context, ACCOUNTS.analyst.email);
  await page.goto('/training');
  await expect(page.getByRole('link', { name: demoProgramme })).toBeVisible();
  await fits(page, 'training catalogue');
  await expectNavigationReachable(page);
  await screenshot(page, 'training-catalogue-375px');

  await page.getByRole('link', { name: demoProgramme }).tap();
  await expect(page.getByRole('heading', { name: 'Session 1' })).toBeVisible();
  await fits(page, 'programme');
  await expectNavigationReachable(page);
  await screenshot(page, 'training-programme-375px');

  await page.goto('/training/mine');
  const certificate = page.getByRole('table', { name: 'Your certificates' }).getByRole('link').nth(1);
  await expect(certificate).toBeVisible();
  await fits(page, 'my training');
  await screenshot(page, 'training-mine-375px');
  const code = (await certificate.textContent())?.trim() ?? '';

  const provider = await newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  await signInWithCookie(provider, ACCOUNTS.researcher.email);
  const manager = await provider.newPage();
  await manager.goto('/training');
  await manager.getByRole('link', { name: demoProgramme }).tap();
  await expect(manager.getByRole('table', { name: 'Participants of session 1' })).toBeVisible();
  await fits(manager, 'programme, as its provider');
  await screenshot(manager, 'training-programme-provider-375px');

  const anonymous = await (await newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })).newPage();
  await anonymous.goto(`/verify/${encodeURIComponent(code)}`);
  await expect(anonymous.getByRole('region', { name: `Result for ${code}` })).toContainText('VALID');
  await fits(anonymous, 'verification');
  await expectNavigationReachable(anonymous);
  await screenshot(anonymous, 'verify-375px');
});
