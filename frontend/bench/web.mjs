#!/usr/bin/env node
/**
 * Web benchmark of the built frontend (`npm run build` first) in headless Chromium against a
 * real alliance-hub started like the end-to-end tests' (debug build, fresh SQLite database,
 * demo data, dist/ served with its precompressed files).
 *
 * 1. JavaScript of the sign-in screen plus the first screen after it: a cold browser context
 *    opens `/`, signs in on the form and waits for the workspace list. The encoded bytes on
 *    the wire (`request.sizes().responseBodySize`) of every `script` response are summed,
 *    and the decoded sizes for comparison.
 * 2. Time to a usable workspace screen: for each sample a new browser context (an empty HTTP
 *    cache) signs in through its own request client (`login(cookie: true)`, which leaves the
 *    refresh cookie in the context's cookie jar, as a sign-in on the form would), then opens
 *    a demo workspace's address. Measured in the page, from navigation start
 *    (`performance.timeOrigin`) to the first DOM change after which the thread list shows a
 *    thread link and the "New thread" button is enabled. One warm-up sample, then SAMPLES.
 *
 * Prints one line:
 *   RESULT js_compressed_kb=… js_raw_kb=… workspace_usable_median_ms=… p90_ms=…
 * (KB = 1024 bytes). Budgets: 300 KB compressed JavaScript, 1 s to usable; BENCH_STRICT=1
 * makes a run over budget exit with 1.
 *
 * Environment: ALLIANCE_HUB_BIN (default ../target/debug/alliance-hub), CHROMIUM_PATH
 * (default /usr/bin/chromium), BENCH_SAMPLES (default 15).
 */
import { existsSync } from 'node:fs';
import { chromium, request } from '@playwright/test';
import { startHub } from '../scripts/hub-server.mjs';

// eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing -- an empty CHROMIUM_PATH means the default too
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const EMAIL = 'analyst@police.example';
const PASSWORD = 'alliance-demo';
const WORKSPACE = 'Ransomware Task Force';
const BUDGET_JS_KB = 300;
const BUDGET_USABLE_MS = 1000;

/** @param {number} bytes */
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Nearest-rank percentile of sorted values. @param {number[]} sorted @param {number} p */
function percentile(sorted, p) {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return /** @type {number} */ (sorted[rank - 1]);
}

/**
 * One GraphQL operation over HTTP; throws on errors.
 *
 * @template T
 * @param {import('@playwright/test').APIRequestContext} request
 * @param {string} query
 * @param {Record<string, unknown>} variables
 * @param {string} [token]
 * @returns {Promise<T>}
 */
async function graphql(request, query, variables = {}, token) {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  /** @type {unknown} */
  const json = await response.json();
  const body = /** @type {{ data?: T | null, errors?: unknown[] }} */ (json);
  if (!response.ok() || !body.data || body.errors?.length) {
    throw new Error(`GraphQL failed (${String(response.status())}): ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password, cookie: true) { accessToken }
}`;

/** @param {import('@playwright/test').Browser} browser @param {string} baseURL */
async function javascriptOfFirstScreens(browser, baseURL) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  /** @type {Promise<{ url: string, encoded: number, decoded: number }>[]} */
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(
      (async () => {
        const [sizes, body] = await Promise.all([response.request().sizes(), response.body()]);
        return { url: response.url(), encoded: sizes.responseBodySize, decoded: body.length };
      })(),
    );
  });
  await page.goto('/');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
  await page.getByRole('link', { name: WORKSPACE }).waitFor();
  await page.waitForLoadState('networkidle');
  const loaded = await Promise.all(scripts);
  await context.close();
  return loaded;
}

/** Installed in every page of a sample: notes when the workspace screen becomes usable. */
function watchUsable() {
  const w = /** @type {Window & { __usableAt?: number }} */ (window);
  const usable = () => {
    const list = document.querySelector('section[aria-labelledby="threads-heading"] ul');
    const link = list?.querySelector('li a[href^="/threads/"]');
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent.trim() === 'New thread',
    );
    return Boolean(link && button && !button.disabled);
  };
  const observer = new MutationObserver(() => {
    if (w.__usableAt === undefined && usable()) {
      w.__usableAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseURL
 * @param {string} path
 */
async function usableSample(browser, baseURL, path) {
  const context = await browser.newContext({ baseURL });
  await graphql(context.request, LOGIN, { email: EMAIL, password: PASSWORD });
  await context.addInitScript(watchUsable);
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForFunction(
    () => /** @type {Window & { __usableAt?: number }} */ (window).__usableAt !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  const ms = await page.evaluate(
    () => /** @type {number} */ (/** @type {Window & { __usableAt?: number }} */ (window).__usableAt),
  );
  await context.close();
  return ms;
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  const hub = await startHub({ name: 'bench' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const scripts = await javascriptOfFirstScreens(browser, hub.url);
    const encoded = scripts.reduce((sum, s) => sum + s.encoded, 0);
    const decoded = scripts.reduce((sum, s) => sum + s.decoded, 0);
    console.log(`scripts of the sign-in screen and the workspace list (${String(scripts.length)}):`);
    for (const s of scripts.sort((a, b) => b.decoded - a.decoded)) {
      console.log(`  ${new URL(s.url).pathname}  ${kb(s.encoded)} KB on the wire, ${kb(s.decoded)} KB`);
    }

    // The demo workspace's address, found through the API.
    const api = await request.newContext({ baseURL: hub.url });
    /** @type {{ login: { accessToken: string } }} */
    const { login } = await graphql(api, LOGIN, { email: EMAIL, password: PASSWORD });
    /** @type {{ workspaces: { nodes: { id: string, name: string }[] } }} */
    const { workspaces } = await graphql(
      api,
      '{ workspaces(first: 50) { nodes { id name } } }',
      {},
      login.accessToken,
    );
    await api.dispose();
    const workspace = workspaces.nodes.find((w) => w.name === WORKSPACE);
    if (!workspace) throw new Error(`the demo workspace ${WORKSPACE} is missing`);
    const path = `/workspaces/${encodeURIComponent(workspace.id)}`;

    await usableSample(browser, hub.url, path); // warm-up: the server's first reads
    /** @type {number[]} */
    const samples = [];
    for (let i = 0; i < SAMPLES; i += 1) samples.push(await usableSample(browser, hub.url, path));
    const sorted = [...samples].sort((a, b) => a - b);
    const median = percentile(sorted, 50);
    const p90 = percentile(sorted, 90);
    console.log(
      `workspace screen usable (${String(SAMPLES)} cold samples, ms): ${samples.map((s) => s.toFixed(0)).join(' ')}`,
    );

    const jsOk = encoded / 1024 <= BUDGET_JS_KB;
    const timeOk = median <= BUDGET_USABLE_MS;
    console.log(
      `budget: compressed JS ${kb(encoded)} of ${String(BUDGET_JS_KB)} KB ${jsOk ? 'ok' : 'OVER'}; ` +
        `usable ${median.toFixed(0)} of ${String(BUDGET_USABLE_MS)} ms ${timeOk ? 'ok' : 'OVER'}`,
    );
    console.log(
      `RESULT js_compressed_kb=${kb(encoded)} js_raw_kb=${kb(decoded)} ` +
        `workspace_usable_median_ms=${median.toFixed(0)} p90_ms=${p90.toFixed(0)}`,
    );
    if (process.env.BENCH_STRICT === '1' && !(jsOk && timeOk)) process.exitCode = 1;
  } finally {
    await browser.close();
    await hub.stop();
  }
}

await main();
