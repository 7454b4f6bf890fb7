/**
 * What every end-to-end test shares: the demo accounts, sign-in helpers, and a watch over
 * every page for console errors, uncaught exceptions and Content-Security-Policy violations
 * (a test with any fails when it ends).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type APIRequestContext,
  type BrowserContext,
  type BrowserContextOptions,
  expect,
  type Page,
  test as base,
  type WebSocket,
} from '@playwright/test';

export { expect };

export const PASSWORD = 'alliance-demo';

export const ACCOUNTS = {
  analyst: { email: 'analyst@police.example' },
  investigator: { email: 'investigator@police2.example' },
  researcher: { email: 'researcher@vendor.example' },
  professor: { email: 'professor@university.example' },
  handler: { email: 'handler@cert.example' },
  soc: { email: 'soc@grid.example' },
  admin: { email: 'admin@hub.example' },
  coordinator: { email: 'coordinator@hub.example' },
} as const;

const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

/** A full-page screenshot of a main screen, kept as an artefact of the run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A name no other test (or earlier run on the same server) uses. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

declare global {
  interface Window {
    __e2eCspViolation?: (text: string) => Promise<void>;
  }
}

/** Records what must not happen on any page of `context` into `problems`. */
async function watch(context: BrowserContext, problems: string[]): Promise<void> {
  await context.exposeFunction('__e2eCspViolation', (text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void window.__e2eCspViolation?.(
        `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} in ${event.sourceFile}:${String(event.lineNumber)}`,
      );
    });
  });
  const onPage = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      problems.push(`uncaught exception on ${page.url()}: ${error.message}`);
    });
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);
}

interface Fixtures {
  /** Console errors, uncaught exceptions and CSP violations seen in this test. */
  problems: string[];
  /** Another browser (a second person): a fresh context, watched like the first. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
}

export const test = base.extend<Fixtures>({
  problems: async ({}, use) => {
    const problems: string[] = [];
    await use(problems);
    expect(problems, 'console errors, uncaught exceptions or CSP violations').toEqual([]);
  },
  context: async ({ context, problems }, use) => {
    await watch(context, problems);
    await use(context);
  },
  newContext: async ({ browser, baseURL, problems }, use) => {
    const made: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({
        baseURL,
        locale: 'en-GB',
        timezoneId: 'UTC',
        ...options,
      });
      made.push(context);
      await watch(context, problems);
      return context;
    });
    for (const context of made) await context.close();
  },
});

/** Signs in through the sign-in screen and waits for the workspace list. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();
}

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { message: string }[];
}

/** One GraphQL operation over HTTP; throws on errors. */
export async function graphql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json()) as GraphqlAnswer<T>;
  if (!response.ok() || !body.data || body.errors?.length) {
    throw new Error(`GraphQL failed (${String(response.status())}): ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/**
 * Signs `context` in as a browser would be after the sign-in screen: `login(cookie: true)`
 * through the context's own request client leaves the HttpOnly refresh cookie in the
 * context, and the app picks the session up from it on load. Returns an access token for
 * setting things up through the API.
 */
export async function signInWithCookie(context: BrowserContext, email: string): Promise<string> {
  const data = await graphql<{ login: { accessToken: string } }>(
    context.request,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password, cookie: true) { accessToken } }',
    { email, password: PASSWORD },
  );
  return data.login.accessToken;
}

/** An access token (no cookie) for setting data up through the API. */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const data = await graphql<{ login: { accessToken: string } }>(
    request,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email, password: PASSWORD },
  );
  return data.login.accessToken;
}

/**
 * The page's WebSockets and the subscriptions sent on them. Attach before the page opens
 * its socket (right after creating it).
 */
export class SocketWatch {
  readonly sockets: WebSocket[] = [];
  readonly closed: WebSocket[] = [];
  /** Operation names of every `subscribe` message sent, in order, with its socket. */
  readonly subscribes: { socket: WebSocket; operation: string }[] = [];

  constructor(page: Page) {
    page.on('websocket', (socket) => {
      this.sockets.push(socket);
      socket.on('close', () => this.closed.push(socket));
      socket.on('framesent', (frame) => {
        if (typeof frame.payload !== 'string') return;
        const message = parseMessage(frame.payload);
        if (message?.type === 'subscribe' && typeof message.payload?.operationName === 'string') {
          this.subscribes.push({ socket, operation: message.payload.operationName });
        }
      });
    });
  }

  /** Whether `operation` was subscribed on `socket` (any socket when not given). */
  subscribed(operation: string, socket?: WebSocket): boolean {
    return this.subscribes.some((s) => s.operation === operation && (!socket || s.socket === socket));
  }
}

function parseMessage(text: string): { type?: string; payload?: { operationName?: unknown } } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}
