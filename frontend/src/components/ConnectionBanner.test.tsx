import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connection } from '../live/connection';
import { BANNER_DELAY_MS, ConnectionBanner } from './ConnectionBanner';

describe('ConnectionBanner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    connection.reset();
  });
  afterEach(() => {
    connection.reset();
    vi.useRealTimers();
  });

  it('shows while live views have lost their connection, and hides on reconnect', () => {
    render(<ConnectionBanner />);
    act(() => {
      connection.activeChanged(1);
      connection.connected();
      connection.closed();
    });
    expect(screen.queryByText('Connection lost — reconnecting…')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(BANNER_DELAY_MS);
    });
    expect(screen.getByText('Connection lost — reconnecting…')).toBeTruthy();

    act(() => {
      connection.connecting();
    });
    expect(screen.getByText('Connection lost — reconnecting…')).toBeTruthy();
    act(() => {
      connection.connected();
    });
    expect(screen.queryByText('Connection lost — reconnecting…')).toBeNull();
  });

  it('does not flash for a quick reconnect (a token refresh)', () => {
    render(<ConnectionBanner />);
    act(() => {
      connection.activeChanged(1);
      connection.closed();
    });
    act(() => {
      vi.advanceTimersByTime(BANNER_DELAY_MS / 2);
    });
    act(() => {
      connection.connected();
    });
    act(() => {
      vi.advanceTimersByTime(BANNER_DELAY_MS);
    });
    expect(screen.queryByText('Connection lost — reconnecting…')).toBeNull();
  });

  it('stays quiet when the socket closes because no live view needs it', () => {
    render(<ConnectionBanner />);
    act(() => {
      connection.connected();
      connection.closed();
      vi.advanceTimersByTime(BANNER_DELAY_MS * 2);
    });
    expect(screen.queryByText('Connection lost — reconnecting…')).toBeNull();
  });
});
