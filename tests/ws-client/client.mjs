// Runs one GraphQL operation over graphql-transport-ws with the graphql-ws client.
//
//   node client.mjs <ws-url> <token> <query>
//
// <token> is sent as connectionParams {authorization: "Bearer <token>"}; "-" connects
// anonymously. Each result is printed as one JSON line on stdout. Exits 0 when the operation
// completes, 1 on an error (printed as JSON on stderr), 2 if nothing ends it within 15 s.

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, query] = process.argv.slice(2);
if (!url || !token || !query) {
  console.error('usage: node client.mjs <ws-url> <token|-> <query>');
  process.exit(64);
}

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: token === '-' ? undefined : { authorization: `Bearer ${token}` },
  retryAttempts: 0,
});

const timer = setTimeout(() => {
  console.error(JSON.stringify({ timeout: true }));
  process.exit(2);
}, 15_000);

function finish(code) {
  clearTimeout(timer);
  Promise.resolve(client.dispose()).finally(() => process.exit(code));
}

function describe(error) {
  // An array of GraphQL errors, a close event, or an Error.
  if (Array.isArray(error)) return { errors: error };
  if (error && typeof error.code === 'number') return { close: { code: error.code, reason: error.reason } };
  return { error: String(error) };
}

client.subscribe(
  { query },
  {
    next: (result) => console.log(JSON.stringify(result)),
    error: (error) => {
      console.error(JSON.stringify(describe(error)));
      finish(1);
    },
    complete: () => finish(0),
  },
);
