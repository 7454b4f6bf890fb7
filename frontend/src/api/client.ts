/**
 * The GraphQL client of a signed-in session: queries and mutations over HTTP (`/graphql`,
 * same origin), subscriptions over one WebSocket (`graphql-transport-ws`). One is made per
 * sign-in and thrown away at sign-out, so nothing of one account outlives it.
 */
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient } from 'graphql-ws';
import { type ConnectionStore } from '../live/connection';
import { resumableSubscription } from '../live/resumable';
import type { Session } from '../session/session';

export interface Api {
  readonly client: Client;
  dispose(): void;
}

/** Wait before the n-th reconnect attempt: quick at first, then up to 15 s, with jitter. */
export function reconnectDelayMs(retries: number, random = Math.random): number {
  const base = retries === 0 ? 300 : Math.min(15_000, 1000 * 2 ** (retries - 1));
  return base + Math.floor(random() * 700);
}

export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

function isUnauthenticated(error: {
  graphQLErrors: readonly { extensions: Record<string, unknown> }[];
  response?: unknown;
}): boolean {
  if (error.graphQLErrors.some((e) => e.extensions.code === 'UNAUTHENTICATED')) return true;
  const response = error.response as { status?: unknown } | undefined;
  return response?.status === 401;
}

export function createApi(session: Session, connection: ConnectionStore): Api {
  let disposed = false;
  /** The token the current socket was opened with. */
  let socketToken: string | null = null;
  const ws = createWsClient({
    url: webSocketUrl(window.location),
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
    // Read at every (re)connect, so a reconnect always carries the current token.
    connectionParams: async () => {
      const token = await session.freshToken();
      socketToken = token;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connecting: () => {
        if (!disposed) connection.connecting();
      },
      connected: () => {
        if (!disposed) connection.connected();
      },
      closed: (event) => {
        if (disposed) return;
        connection.closed();
        // 4403: the socket's token expired or the session ended. If the session has not
        // refreshed since the socket opened, a refresh tells which; the reconnect that
        // graphql-ws makes next waits for it (connectionParams) and sends the fresh token.
        const code = (event as { code?: unknown } | null)?.code;
        if (code === 4403 && session.token === socketToken) void session.refresh();
      },
    },
  });

  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      authExchange((utils) =>
        Promise.resolve({
          addAuthToOperation(operation) {
            const token = session.token;
            return token
              ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` })
              : operation;
          },
          willAuthError: () => session.tokenExpiring(),
          didAuthError: (error) => isUnauthenticated(error),
          async refreshAuth() {
            // A refused refresh signs the session out ("session expired"); the operation is
            // then retried once and fails with UNAUTHENTICATED, which nobody sees.
            await session.refresh();
          },
        }),
      ),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) =>
          resumableSubscription(
            ws,
            {
              query: request.query,
              variables: request.variables as Record<string, unknown> | undefined,
              operationName: request.operationName,
              extensions: request.extensions as Record<string, unknown> | undefined,
            },
            {
              activeChanged: (delta) => connection.activeChanged(delta),
              onResync: () => connection.resync(),
            },
          ),
      }),
    ],
  });

  return {
    client,
    dispose() {
      if (disposed) return;
      disposed = true;
      connection.reset();
      void ws.dispose();
    },
  };
}
