import { type HubServer, startHub } from '../scripts/hub-server.mjs';
import { composer, post, posts } from './app';
import {
  ACCOUNTS,
  apiToken,
  expect,
  graphql,
  PASSWORD,
  signInWithCookie,
  SocketWatch,
  test as base,
  unique,
} from './fixtures';

/** Access tokens of this server live 10 s, so the test can outlive one. */
const TTL_SECONDS = 10;

const test = base.extend<object, { shortLivedHub: HubServer }>({
  shortLivedHub: [
    async ({}, use) => {
      const hub = await startHub({ name: 'e2e-ttl', env: { ACCESS_TOKEN_TTL: String(TTL_SECONDS) } });
      await use(hub);
      await hub.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ shortLivedHub }, use) => {
    await use(shortLivedHub.url);
  },
});

test('an expired access token is replaced silently, over HTTP and on the WebSocket', async ({
  page,
  newContext,
  request,
}) => {
  // A workspace with a thread, shared by the analyst and the researcher (set up through the API).
  const owner = await apiToken(request, ACCOUNTS.analyst.email);
  const workspace = unique('Expiry workspace');
  const { createWorkspace } = await graphql<{ createWorkspace: { id: string } }>(
    request,
    'mutation ($name: String!) { createWorkspace(input: { name: $name }) { id } }',
    { name: workspace },
    owner,
  );
  const { inviteToWorkspace } = await graphql<{ inviteToWorkspace: { id: string } }>(
    request,
    'mutation ($ws: ID!, $email: String!) { inviteToWorkspace(input: { workspaceId: $ws, email: $email }) { id } }',
    { ws: createWorkspace.id, email: ACCOUNTS.researcher.email },
    owner,
  );
  const partnerToken = await apiToken(request, ACCOUNTS.researcher.email);
  await graphql(request, 'mutation ($id: ID!) { acceptInvitation(id: $id) { id } }', { id: inviteToWorkspace.id }, partnerToken);
  const title = unique('Session expiry thread');
  await graphql(
    request,
    'mutation ($ws: ID!, $title: String!) { createThread(input: { workspaceId: $ws, title: $title, body: "First." }) { id } }',
    { ws: createWorkspace.id, title },
    owner,
  );

  // The analyst signs in on the sign-in screen and opens the thread.
  const sockets = new SocketWatch(page);
  await page.goto('/');
  await page.getByLabel('Email').fill(ACCOUNTS.analyst.email);
  await page.getByLabel('Password').fill(PASSWORD);
  const signedIn = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('SignIn'),
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  const signInBody = (await (await signedIn).json()) as { data: { login: { accessToken: string } } };
  const firstToken = signInBody.data.login.accessToken;
  const expiresAt = Date.now() + TTL_SECONDS * 1000;
  await page.getByRole('link', { name: workspace }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect.poll(() => sockets.subscribed('ThreadPostAdded')).toBe(true);
  const firstSocket = sockets.sockets[0];
  if (!firstSocket) throw new Error('the thread subscribed without a WebSocket');

  // The server closes the socket when the token it was opened with expires (4403); the app
  // opens another with its fresh token and subscribes again.
  await expect
    .poll(() => sockets.closed.includes(firstSocket), { timeout: (TTL_SECONDS + 20) * 1000 })
    .toBe(true);
  expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 1000);
  await expect
    .poll(
      () => sockets.sockets.some((s) => s !== firstSocket && sockets.subscribed('ThreadPostAdded', s)),
      { timeout: 20_000 },
    )
    .toBe(true);

  // A post from someone else still arrives live, over the new socket.
  const partner = await newContext();
  await signInWithCookie(partner, ACCOUNTS.researcher.email);
  const partnerPage = await partner.newPage();
  const partnerSockets = new SocketWatch(partnerPage);
  await partnerPage.goto('/workspaces');
  await partnerPage.getByRole('link', { name: workspace }).click();
  await partnerPage.getByRole('link', { name: title }).click();
  await expect(composer(partnerPage)).toBeVisible();
  await expect.poll(() => partnerSockets.subscribed('ThreadPostAdded')).toBe(true);
  const partnerText = unique('Posted after the analyst’s token expired');
  await post(partnerPage, partnerText);
  await expect(posts(page, partnerText)).toHaveCount(1);

  // Posting works after the expiry, with a token other than the expired one.
  const created = page.waitForRequest((r) => (r.postData() ?? '').includes('CreatePost'));
  const ownText = unique('Still signed in');
  await post(page, ownText);
  const authorization = (await created).headers().authorization;
  expect(authorization).toMatch(/^Bearer /);
  expect(authorization).not.toBe(`Bearer ${firstToken}`);
  expect(Date.now()).toBeGreaterThan(expiresAt);
  await expect(posts(partnerPage, ownText)).toHaveCount(1);

  // So does moving to another screen, with no sign-in prompt anywhere.
  await page.getByRole('link', { name: workspace }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Threads' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByText('Your session expired')).toHaveCount(0);
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await expect(page.getByText('Connection lost')).toHaveCount(0);
});
