import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { CombinedError } from '@urql/core';
import { useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react';
import { useClient } from 'urql';
import { connection } from './connection';

/**
 * Runs a subscription while the component is mounted and hands each event to `onEvent`
 * (outside of React's state updaters, so a handler may have effects). `variables` must be
 * stable (memoised). Returns the error that ended the subscription, if any.
 */
export function useLiveEvents<Data, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  onEvent: (data: Data) => void,
  pause = false,
): CombinedError | undefined {
  const client = useClient();
  // The error belongs to the subscription of these variables: another one starts without it.
  const [failure, setFailure] = useState<{ variables: Variables; error?: CombinedError }>();
  const handle = useEffectEvent((data: Data) => onEvent(data));
  const fail = useEffectEvent((error: CombinedError | undefined) => setFailure({ variables, error }));

  useEffect(() => {
    if (pause) return undefined;
    const subscription = client.subscription(document, variables).subscribe((result) => {
      if (result.data) handle(result.data);
      fail(result.error);
    });
    return () => subscription.unsubscribe();
  }, [client, document, variables, pause]);

  return failure?.variables === variables ? failure.error : undefined;
}

/** Goes up when live events were lost for good; screens reload what they show then. */
export function useResyncCount(): number {
  return useSyncExternalStore(connection.subscribe, connection.getResyncs);
}

export function useConnectionStatus() {
  return useSyncExternalStore(connection.subscribe, connection.getStatus);
}

/** Calls `callback` (not on mount) whenever live events were lost for good. */
export function useOnResync(callback: () => void): void {
  const resync = useResyncCount();
  const run = useEffectEvent(callback);
  const seen = useRef(resync);
  useEffect(() => {
    if (resync === seen.current) return;
    seen.current = resync;
    run();
  }, [resync]);
}
