import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../test/jwt';
import { jwtLifetimeMs, MIN_REFRESH_DELAY_MS, refreshDelayMs, tokenLifetimeMs } from './schedule';

describe('refreshDelayMs', () => {
  it.each([
    // lifetime, delay: 60 s before expiry for long-lived tokens…
    [900_000, 840_000],
    [3_600_000, 3_540_000],
    // …at 80 % of the lifetime once 60 s would come earlier than that (under 5 minutes)…
    [300_000, 240_000],
    [120_000, 96_000],
    [30_000, 24_000],
    // …and never sooner than the floor.
    [2_000, MIN_REFRESH_DELAY_MS],
    [0, MIN_REFRESH_DELAY_MS],
    [-50_000, MIN_REFRESH_DELAY_MS],
  ])('a token living %i ms is refreshed after %i ms', (lifetime, delay) => {
    expect(refreshDelayMs(lifetime)).toBe(delay);
  });
});

describe('token lifetime', () => {
  it('reads exp - iat from a JWT, whatever the browser clock says', () => {
    const token = fakeJwt({ sub: 'u1', iat: 1_700_000_000, exp: 1_700_000_900 });
    expect(jwtLifetimeMs(token)).toBe(900_000);
    expect(tokenLifetimeMs(token, '1999-01-01T00:00:00Z', Date.now())).toBe(900_000);
  });

  it('falls back to accessTokenExpiresAt for tokens that are not JWTs', () => {
    const received = Date.parse('2030-01-01T00:00:00Z');
    expect(jwtLifetimeMs('opaque-token')).toBeNull();
    expect(tokenLifetimeMs('opaque-token', '2030-01-01T00:15:00Z', received)).toBe(900_000);
  });

  it('ignores JWTs without usable claims', () => {
    expect(jwtLifetimeMs(fakeJwt({ exp: 10 }))).toBeNull();
    expect(jwtLifetimeMs(fakeJwt({ iat: 10, exp: 5 }))).toBeNull();
    expect(jwtLifetimeMs('a.!!!.c')).toBeNull();
  });
});
