import { useEffect, useRef } from 'react';

/**
 * Asks the server again (`refetch`) whenever `tick` changes after the first render: a screen
 * counts the live events that touch what it shows and its parts reload on each.
 */
export function useRefetchOn(
  tick: number,
  refetch: (options: { requestPolicy: 'network-only' }) => void,
): void {
  const seen = useRef(tick);
  useEffect(() => {
    if (tick === seen.current) return;
    seen.current = tick;
    refetch({ requestPolicy: 'network-only' });
  }, [tick, refetch]);
}
