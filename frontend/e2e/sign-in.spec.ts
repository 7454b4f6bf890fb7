import { ACCOUNTS, expect, PASSWORD, signIn, test } from './fixtures';

test.describe('signing in and out', () => {
  test('a wrong password says so in a plain sentence; the right one signs in', async ({ page }) => {
    const response = await page.goto('/');
    // The page is served under the strict policy the CSP watch relies on.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    await page.getByLabel('Email').fill(ACCOUNTS.analyst.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'The email or password is not right. Please try again.',
    );
    // The password field is emptied for the next try; the email stays.
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByLabel('Email')).toHaveValue(ACCOUNTS.analyst.email);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();
    await expect(page).toHaveURL(/\/workspaces$/);

    // The session survives a reload (the refresh cookie), without the sign-in screen.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveCount(0);
  });

  test('signing out ends the session, also after a reload', async ({ page, context }) => {
    await signIn(page, ACCOUNTS.analyst.email);
    expect((await context.cookies()).some((c) => c.name === 'ah_refresh')).toBe(true);

    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await expect(page.getByLabel('Email')).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('Email')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await expect(page.getByRole('heading', { name: 'Workspaces' })).toHaveCount(0);
    expect((await context.cookies()).some((c) => c.name === 'ah_refresh')).toBe(false);

    // Nothing of the old session opens a screen behind the sign-in form.
    await page.goto('/workspaces');
    await expect(page.getByLabel('Email')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Workspaces' })).toHaveCount(0);
  });

  test('the keyboard reaches email, password and the button in order, with a visible focus', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByLabel('Email')).toBeVisible();

    const expected = [
      page.getByLabel('Email'),
      page.getByLabel('Password'),
      page.getByRole('button', { name: 'Sign in' }),
    ];
    for (const target of expected) {
      await page.keyboard.press('Tab');
      await expect(target).toBeFocused();
      const indicator = await target.evaluate((element) => {
        const style = getComputedStyle(element);
        return {
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
          shadow: style.boxShadow !== 'none',
        };
      });
      expect(indicator.outline || indicator.shadow, 'a visible focus indicator').toBe(true);
    }
  });
});
