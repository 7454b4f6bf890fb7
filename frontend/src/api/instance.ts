import { connection } from '../live/connection';
import { session } from '../session/instance';
import { type Api, createApi } from './client';

/**
 * The client of the current sign-in. Its lifetime follows the session, not React: made for a
 * session's epoch, disposed (WebSocket closed) when the session ends or another account signs
 * in.
 */
let current: { epoch: number; api: Api } | null = null;

export function apiFor(epoch: number): Api {
  if (current?.epoch !== epoch) {
    current?.api.dispose();
    current = { epoch, api: createApi(session, connection) };
  }
  return current.api;
}

session.subscribe((state) => {
  if (state.status !== 'signedIn' && current) {
    current.api.dispose();
    current = null;
  }
});
