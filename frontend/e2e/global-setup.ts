import { existsSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { builtFrontend, staleSources, startHub } from '../scripts/hub-server.mjs';

/**
 * Starts the alliance-hub the tests share (demo accounts and content, fresh database) and
 * stops it after the run. Fails, never skips, when the server binary, the built frontend or
 * Chromium is missing.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  for (const project of config.projects) {
    const executable = project.use.launchOptions?.executablePath;
    if (executable && !existsSync(executable)) {
      throw new Error(
        `Chromium not found at ${executable}: install it (\`apt-get install -y chromium\`) ` +
          'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
      );
    }
  }
  builtFrontend();
  const stale = staleSources();
  if (stale.length > 0) {
    console.warn(
      `warning: ${String(stale.length)} file(s) in src/ changed after dist/ was built ` +
        `(e.g. ${stale[0] ?? ''}); the tests run the built app: \`npm run build\` first.`,
    );
  }
  const hub = await startHub({ name: 'e2e' });
  process.env.E2E_BASE_URL = hub.url;
  process.env.E2E_SERVER_LOG = hub.logFile;
  return async () => {
    await hub.stop();
  };
}
