/**
 * Subscriptions that resume where they left off. Every subscription of the API takes
 * `after: String` and every event carries `cursor`; this remembers the last cursor of each
 * running subscription and sends it whenever the subscription is sent again:
 *
 * - after a reconnect, graphql-ws re-sends the very payload object it was given, so the
 *   payload's `variables` is a getter that adds the latest cursor;
 * - `LAGGING` (the subscriber fell behind) subscribes again from the last cursor;
 * - `CURSOR_EXPIRED` (the cursor is older than the events kept) subscribes again from now and
 *   asks the screens to reload (`onResync`).
 */
import type { FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';

export interface SubscriptionRequest {
  readonly query?: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
  readonly extensions?: Record<string, unknown>;
}

export interface SubscribeClient {
  subscribe(payload: SubscribePayload, sink: Sink<FormattedExecutionResult>): () => void;
}

export interface ResumableHooks {
  /** A subscription started (+1) or ended (-1). */
  activeChanged?(delta: 1 | -1): void;
  /** Events were lost for good: what is shown should be loaded again. */
  onResync?(): void;
}

export interface Observer<T> {
  next(value: T): void;
  error(error: unknown): void;
  complete(): void;
}

/** Delay before subscribing again after LAGGING or CURSOR_EXPIRED. */
export const RESUBSCRIBE_DELAY_MS = 500;

/** The `cursor` of an event: the one root field's `cursor`. */
export function eventCursor(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  for (const value of Object.values(data)) {
    if (typeof value === 'object' && value !== null && 'cursor' in value) {
      const cursor = (value as { cursor: unknown }).cursor;
      if (typeof cursor === 'string') return cursor;
    }
  }
  return undefined;
}

function errorCodeOf(error: unknown): string | undefined {
  if (!Array.isArray(error)) return undefined;
  const first: unknown = error[0];
  if (typeof first !== 'object' || first === null) return undefined;
  const extensions = (first as { extensions?: { code?: unknown } }).extensions;
  return typeof extensions?.code === 'string' ? extensions.code : undefined;
}

export function resumableSubscription(
  client: SubscribeClient,
  request: SubscriptionRequest,
  hooks: ResumableHooks = {},
) {
  return {
    subscribe(observer: Observer<FormattedExecutionResult>) {
      const { after: initial, ...base } = request.variables ?? {};
      let cursor: string | undefined = typeof initial === 'string' ? initial : undefined;
      let stopped = false;
      let stop: (() => void) | undefined;
      let retry: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        if (stopped) return false;
        stopped = true;
        clearTimeout(retry);
        hooks.activeChanged?.(-1);
        return true;
      };

      const payload: SubscribePayload = {
        query: request.query ?? '',
        ...(request.operationName ? { operationName: request.operationName } : {}),
        ...(request.extensions ? { extensions: request.extensions } : {}),
        get variables() {
          return cursor === undefined ? base : { ...base, after: cursor };
        },
      };

      const again = () => {
        retry = setTimeout(() => {
          if (!stopped) start();
        }, RESUBSCRIBE_DELAY_MS);
      };

      function start() {
        stop = client.subscribe(payload, {
          next(result) {
            const next = eventCursor(result.data);
            if (next !== undefined) cursor = next;
            observer.next(result);
          },
          error(error) {
            if (stopped) return;
            const code = errorCodeOf(error);
            if (code === 'LAGGING') {
              again();
              return;
            }
            if (code === 'CURSOR_EXPIRED') {
              cursor = undefined;
              hooks.onResync?.();
              again();
              return;
            }
            if (finish()) observer.error(error);
          },
          complete() {
            if (finish()) observer.complete();
          },
        });
      }

      hooks.activeChanged?.(1);
      start();
      return {
        unsubscribe() {
          if (finish()) stop?.();
        },
      };
    },
  };
}
