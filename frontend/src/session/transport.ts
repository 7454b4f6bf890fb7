import { Client, fetchExchange } from '@urql/core';
import { RefreshSessionDocument, SignInDocument, SignOutDocument } from './documents';
import type { SessionTransport } from './session';

/**
 * The session mutations go through a client of their own, without the auth exchange: a
 * failed sign-in (UNAUTHENTICATED) must not trigger a refresh, and a refresh must not wait
 * for itself. `credentials: 'same-origin'` lets the refresh-token cookie travel.
 */
export function httpSessionTransport(url = '/graphql'): SessionTransport {
  const client = new Client({
    url,
    exchanges: [fetchExchange],
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
  return {
    async login(email, password) {
      const result = await client.mutation(SignInDocument, { email, password }).toPromise();
      return { data: result.data?.login, error: result.error };
    },
    async refresh() {
      const result = await client.mutation(RefreshSessionDocument, {}).toPromise();
      return { data: result.data?.refreshSession, error: result.error };
    },
    async logout(accessToken) {
      const headers: Record<string, string> = accessToken
        ? { Authorization: `Bearer ${accessToken}` }
        : {};
      await client
        .mutation(SignOutDocument, {}, { fetchOptions: { credentials: 'same-origin', headers } })
        .toPromise();
    },
  };
}
