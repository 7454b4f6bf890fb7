import type { FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventCursor, RESUBSCRIBE_DELAY_MS, resumableSubscription, type SubscribeClient } from './resumable';

/** A stand-in for graphql-ws: records what is sent, and sends each payload as JSON, as the
 * real one does at every (re)subscribe. */
function fakeClient() {
  const sent: unknown[] = [];
  const sinks: Sink<FormattedExecutionResult>[] = [];
  const stops: ReturnType<typeof vi.fn>[] = [];
  let last: SubscribePayload | undefined;
  const client: SubscribeClient = {
    subscribe(payload, sink) {
      last = payload;
      sent.push(JSON.parse(JSON.stringify(payload)));
      sinks.push(sink);
      const stop = vi.fn();
      stops.push(stop);
      return stop;
    },
  };
  return {
    client,
    sent,
    stops,
    sink: (): Sink<FormattedExecutionResult> => {
      const sink = sinks[sinks.length - 1];
      if (!sink) throw new Error('not subscribed');
      return sink;
    },
    /** graphql-ws reconnected and sends the same payload object again. */
    resend: () => sent.push(JSON.parse(JSON.stringify(last))),
  };
}

const observer = () => ({ next: vi.fn(), error: vi.fn(), complete: vi.fn() });

const event = (cursor: string) => ({ data: { postAdded: { cursor, post: { id: cursor } } } });

describe('resumableSubscription', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resubscribes after a reconnect from the last cursor it saw', () => {
    const ws = fakeClient();
    const obs = observer();
    resumableSubscription(ws.client, {
      query: 'subscription S($threadId: ID!, $after: String) { postAdded(threadId: $threadId, after: $after) { cursor } }',
      variables: { threadId: 't1' },
    }).subscribe(obs);

    ws.sink().next(event('c1'));
    ws.sink().next(event('c2'));
    ws.resend();

    expect(ws.sent[0]).toMatchObject({ variables: { threadId: 't1' } });
    expect((ws.sent[0] as { variables: object }).variables).not.toHaveProperty('after');
    expect(ws.sent[1]).toMatchObject({ variables: { threadId: 't1', after: 'c2' } });
    expect(obs.next).toHaveBeenCalledTimes(2);
  });

  it('subscribes again from the last cursor when the server says it lagged', async () => {
    const ws = fakeClient();
    const obs = observer();
    resumableSubscription(ws.client, { query: 'subscription', variables: {} }).subscribe(obs);
    ws.sink().next(event('c7'));

    ws.sink().error([{ message: 'behind', extensions: { code: 'LAGGING' } }]);
    await vi.advanceTimersByTimeAsync(RESUBSCRIBE_DELAY_MS);

    expect(ws.sent).toHaveLength(2);
    expect(ws.sent[1]).toMatchObject({ variables: { after: 'c7' } });
    expect(obs.error).not.toHaveBeenCalled();
  });

  it('starts afresh and asks screens to reload when the cursor expired', async () => {
    const ws = fakeClient();
    const onResync = vi.fn();
    resumableSubscription(ws.client, { query: 'subscription', variables: { after: 'old' } }, { onResync }).subscribe(
      observer(),
    );
    expect(ws.sent[0]).toMatchObject({ variables: { after: 'old' } });

    ws.sink().error([{ message: 'too old', extensions: { code: 'CURSOR_EXPIRED' } }]);
    await vi.advanceTimersByTimeAsync(RESUBSCRIBE_DELAY_MS);

    expect(onResync).toHaveBeenCalledTimes(1);
    expect((ws.sent[1] as { variables: object }).variables).not.toHaveProperty('after');
  });

  it('passes other errors on and counts the subscription as ended', () => {
    const ws = fakeClient();
    const obs = observer();
    const activeChanged = vi.fn();
    resumableSubscription(ws.client, { query: 'subscription' }, { activeChanged }).subscribe(obs);

    const errors = [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }];
    ws.sink().error(errors);

    expect(obs.error).toHaveBeenCalledWith(errors);
    expect(activeChanged.mock.calls).toEqual([[1], [-1]]);
  });

  it('stops the socket subscription once, when unsubscribed', () => {
    const ws = fakeClient();
    const activeChanged = vi.fn();
    const sub = resumableSubscription(ws.client, { query: 'subscription' }, { activeChanged }).subscribe(
      observer(),
    );

    sub.unsubscribe();
    sub.unsubscribe();

    expect(ws.stops[0]).toHaveBeenCalledTimes(1);
    expect(activeChanged.mock.calls).toEqual([[1], [-1]]);
  });
});

describe('eventCursor', () => {
  it('finds the cursor of the root field', () => {
    expect(eventCursor({ notificationReceived: { cursor: 'n1', unreadCount: 2 } })).toBe('n1');
    expect(eventCursor({ x: null })).toBeUndefined();
    expect(eventCursor(null)).toBeUndefined();
  });
});
