import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in headless Chromium against a real alliance-hub (started by
 * e2e/global-setup.ts on a free port with a fresh SQLite database and demo data, serving
 * dist/). Playwright's own browser downloads are never used: CHROMIUM_PATH, or Debian's
 * /usr/bin/chromium.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // Two cores: one worker drives Chromium while the other's tests wait on the server.
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results/artifacts',
  use: {
    // Set by the global setup (the workers start after it and inherit the environment).
    baseURL: process.env.E2E_BASE_URL,
    headless: true,
    launchOptions: { executablePath: CHROMIUM },
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
});
