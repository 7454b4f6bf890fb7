import { Client, fetchExchange } from '@urql/core';

/**
 * The client of the public pages: anonymous, over HTTP only. No token, no cookie, no refresh
 * and no WebSocket: the public pages read what anyone may read (public alerts, advisories
 * published to `PUBLIC`), whoever the browser has signed in.
 */
export function createPublicClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [fetchExchange],
    preferGetMethod: false,
    fetchOptions: { credentials: 'omit' },
  });
}
