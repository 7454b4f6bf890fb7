import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionTokensFragment } from '../gql/graphql';
import { fakeJwt } from '../test/jwt';
import { NETWORK_RETRY_MS, Session, type SessionResult, type SessionTransport } from './session';

const NOW = Date.parse('2030-01-01T12:00:00Z');

function tokens(userId = 'user-1', lifetimeSeconds = 900, n = 1): SessionTokensFragment {
  const iat = Math.floor(Date.now() / 1000);
  return {
    accessToken: fakeJwt({ sub: userId, iat, exp: iat + lifetimeSeconds, n }),
    accessTokenExpiresAt: new Date(Date.now() + lifetimeSeconds * 1000).toISOString(),
    user: {
      id: userId,
      email: `${userId}@example.org`,
      displayName: userId,
      role: 'MEMBER',
      kind: 'PERSON',
      organization: { id: 'org-1', name: 'Org', kind: 'CERT', verified: true },
    },
  };
}

const unauthenticated = (): SessionResult => ({
  error: new CombinedError({
    graphQLErrors: [new GraphQLError('invalid or expired refresh token', { extensions: { code: 'UNAUTHENTICATED' } })],
  }),
});
const failing = (code: string): SessionResult => ({
  error: new CombinedError({
    graphQLErrors: [new GraphQLError('passing trouble', { extensions: { code } })],
  }),
});
const offline = (): SessionResult => ({
  error: new CombinedError({ networkError: new TypeError('Failed to fetch') }),
});

function fakeTransport() {
  const transport = {
    login: vi.fn<SessionTransport['login']>(),
    refresh: vi.fn<SessionTransport['refresh']>(),
    logout: vi.fn<SessionTransport['logout']>(() => Promise.resolve()),
  };
  return transport;
}

describe('Session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs in silently on page load when the refresh cookie is still good', async () => {
    const transport = fakeTransport();
    transport.refresh.mockResolvedValue({ data: tokens() });
    const session = new Session(transport);

    await session.restore();

    expect(session.getState()).toMatchObject({ status: 'signedIn', user: { id: 'user-1' } });
    expect(session.token).toBe(tokens().accessToken);
    expect(transport.refresh).toHaveBeenCalledTimes(1);
  });

  it('shows the sign-in screen, with nothing to say, when there is no session', async () => {
    const transport = fakeTransport();
    transport.refresh.mockResolvedValue(unauthenticated());
    const session = new Session(transport);

    await session.restore();

    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'none' });
    expect(session.token).toBeNull();
  });

  it('says the server cannot be reached when the first refresh fails for want of a network', async () => {
    const transport = fakeTransport();
    transport.refresh.mockResolvedValue(offline());
    const session = new Session(transport);

    await session.restore();

    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'unreachable' });
  });

  it('tries the cookie only once on load, however often it is asked (StrictMode runs effects twice)', async () => {
    const transport = fakeTransport();
    transport.refresh.mockResolvedValue({ data: tokens() });
    const session = new Session(transport);

    await Promise.all([session.restore(), session.restore()]);

    expect(transport.refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes 60 s before a 15-minute token expires', async () => {
    const transport = fakeTransport();
    const next = tokens('user-1', 900, 2);
    transport.login.mockResolvedValue({ data: tokens() });
    transport.refresh.mockResolvedValue({ data: next });
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');

    await vi.advanceTimersByTimeAsync(839_000);
    expect(transport.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport.refresh).toHaveBeenCalledTimes(1);
    expect(session.token).toBe(next.accessToken);
  });

  it('refreshes at 80 % of a short lifetime', async () => {
    const transport = fakeTransport();
    transport.login.mockResolvedValue({ data: tokens('user-1', 120) });
    transport.refresh.mockResolvedValue({ data: tokens('user-1', 120, 2) });
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');

    await vi.advanceTimersByTimeAsync(95_000);
    expect(transport.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport.refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps refreshing, each time from the new token', async () => {
    const transport = fakeTransport();
    transport.login.mockResolvedValue({ data: tokens() });
    transport.refresh.mockImplementation(() => Promise.resolve({ data: tokens() }));
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');

    await vi.advanceTimersByTimeAsync(840_000 * 3);
    expect(transport.refresh).toHaveBeenCalledTimes(3);
    expect(session.getState().status).toBe('signedIn');
  });

  it('sends one refresh however many operations ask for one at once', async () => {
    const transport = fakeTransport();
    transport.login.mockResolvedValue({ data: tokens() });
    let resolve: (r: SessionResult) => void = () => undefined;
    transport.refresh.mockImplementation(() => new Promise((r) => (resolve = r)));
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');

    const all = Promise.all([session.refresh(), session.refresh(), session.freshToken()]);
    resolve({ data: tokens('user-1', 900, 2) });
    const [first, second, token] = await all;

    expect(transport.refresh).toHaveBeenCalledTimes(1);
    expect(first && second).toBe(true);
    expect(token).toBe(tokens('user-1', 900, 2).accessToken);
  });

  it('signs out with "session expired" when the refresh is refused', async () => {
    const transport = fakeTransport();
    transport.login.mockResolvedValue({ data: tokens() });
    transport.refresh.mockResolvedValue(unauthenticated());
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');

    await vi.advanceTimersByTimeAsync(840_000);

    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'expired' });
    expect(session.token).toBeNull();
  });

  it.each([
    ['a network failure', offline],
    ['INTERNAL', () => failing('INTERNAL')],
    ['TIMEOUT', () => failing('TIMEOUT')],
    ['RATE_LIMITED', () => failing('RATE_LIMITED')],
  ])('keeps the session when a refresh fails with %s, and tries again later', async (_, failure) => {
    const transport = fakeTransport();
    transport.login.mockResolvedValue({ data: tokens() });
    transport.refresh.mockResolvedValueOnce(failure()).mockResolvedValueOnce({ data: tokens() });
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');

    await vi.advanceTimersByTimeAsync(840_000);
    expect(session.getState().status).toBe('signedIn');
    await vi.advanceTimersByTimeAsync(NETWORK_RETRY_MS);

    expect(transport.refresh).toHaveBeenCalledTimes(2);
    expect(session.getState().status).toBe('signedIn');
  });

  it('signs out with the cookie alone when the token in memory has expired', async () => {
    const transport = fakeTransport();
    transport.login.mockResolvedValue({ data: tokens() });
    transport.refresh.mockResolvedValue(offline());
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');
    await vi.advanceTimersByTimeAsync(901_000);

    await session.signOut();

    expect(transport.logout).toHaveBeenCalledWith(null);
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'signedOut' });
  });

  it('does not take up a refresh that finishes after signing out', async () => {
    const transport = fakeTransport();
    transport.login.mockResolvedValue({ data: tokens() });
    let finish: (result: SessionResult) => void = () => undefined;
    transport.refresh.mockReturnValue(
      new Promise<SessionResult>((resolve) => {
        finish = resolve;
      }),
    );
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');
    const refreshing = session.refresh();

    await session.signOut();
    finish({ data: tokens('user-1', 900, 2) });
    await refreshing;

    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'signedOut' });
    expect(session.token).toBeNull();
  });

  it('reports a failed sign-in without changing state', async () => {
    const transport = fakeTransport();
    const failure = unauthenticated();
    transport.login.mockResolvedValue(failure);
    const session = new Session(transport);
    transport.refresh.mockResolvedValue(unauthenticated());
    await session.restore();

    const outcome = await session.signIn('a@b.c', 'wrong');

    expect(outcome).toEqual({ ok: false, error: failure.error });
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'none' });
  });

  it('ends the session on the server with the current token, then here, and stops refreshing', async () => {
    const transport = fakeTransport();
    transport.login.mockResolvedValue({ data: tokens() });
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');
    const token = session.token;

    await session.signOut();

    expect(transport.logout).toHaveBeenCalledWith(token);
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'signedOut' });
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(transport.refresh).not.toHaveBeenCalled();
  });

  it('starts a new epoch for another account, keeps it across refreshes', async () => {
    const transport = fakeTransport();
    transport.login.mockResolvedValueOnce({ data: tokens('alice') });
    transport.refresh.mockResolvedValue({ data: tokens('alice', 900, 2) });
    const session = new Session(transport);
    await session.signIn('alice@x', 'pw');
    const first = session.getState();
    await session.refresh();
    expect(session.getState()).toMatchObject({ epoch: (first as { epoch: number }).epoch });

    await session.signOut();
    transport.login.mockResolvedValueOnce({ data: tokens('bob') });
    await session.signIn('bob@x', 'pw');
    expect(session.getState()).toMatchObject({ user: { id: 'bob' } });
    expect((session.getState() as { epoch: number }).epoch).toBeGreaterThan(
      (first as { epoch: number }).epoch,
    );
  });

  it('calls a token about to expire expiring, so it is refreshed before use', async () => {
    const transport = fakeTransport();
    transport.login.mockResolvedValue({ data: tokens() });
    transport.refresh.mockResolvedValue(offline());
    const session = new Session(transport);
    await session.signIn('a@b.c', 'pw');

    expect(session.tokenExpiring()).toBe(false);
    expect(session.tokenExpiring(NOW + 896_000)).toBe(true);
  });

  it('tells subscribers about every change', async () => {
    const transport = fakeTransport();
    transport.refresh.mockResolvedValue({ data: tokens() });
    const session = new Session(transport);
    const seen: string[] = [];
    session.subscribe((s) => seen.push(s.status));

    await session.restore();
    await session.signOut();

    expect(seen).toEqual(['signedIn', 'signedOut']);
  });
});
