import { describe, expect, it } from 'vitest';
import { reconnectDelayMs, webSocketUrl } from './client';

describe('webSocketUrl', () => {
  it('uses the page origin, secure when the page is', () => {
    expect(webSocketUrl({ protocol: 'https:', host: 'hub.example' })).toBe('wss://hub.example/graphql');
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/graphql');
  });
});

describe('reconnectDelayMs', () => {
  it('reconnects quickly at first, then backs off up to 15 s', () => {
    const none = () => 0;
    expect(reconnectDelayMs(0, none)).toBe(300);
    expect(reconnectDelayMs(1, none)).toBe(1000);
    expect(reconnectDelayMs(3, none)).toBe(4000);
    expect(reconnectDelayMs(10, none)).toBe(15_000);
    expect(reconnectDelayMs(100, none)).toBe(15_000);
    expect(reconnectDelayMs(100, () => 0.999)).toBeLessThan(15_700);
  });
});
