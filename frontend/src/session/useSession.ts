import { useSyncExternalStore } from 'react';
import { session } from './instance';
import type { SessionState, SessionUser } from './session';

export function useSessionState(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The signed-in account; only used below the signed-in part of the app. */
export function useViewer(): SessionUser {
  const state = useSessionState();
  if (state.status !== 'signedIn') throw new Error('useViewer outside a signed-in session');
  return state.user;
}
