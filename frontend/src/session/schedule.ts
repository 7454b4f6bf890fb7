/** When to refresh an access token: pure functions, tested in schedule.test.ts. */

/** Refresh this long before the token expires… */
export const REFRESH_MARGIN_MS = 60_000;
/** …unless that is earlier than this share of its lifetime (short-lived tokens). */
export const REFRESH_SHARE = 0.8;
/** Never schedule sooner than this, so a clock gone wrong cannot spin the refresh. */
export const MIN_REFRESH_DELAY_MS = 5_000;

/**
 * Milliseconds from receiving a token to refreshing it: 60 s before it expires, or at 80 % of
 * its lifetime when that comes later (a lifetime under five minutes), and at least 5 s.
 */
export function refreshDelayMs(lifetimeMs: number): number {
  const beforeExpiry = lifetimeMs - REFRESH_MARGIN_MS;
  const share = lifetimeMs * REFRESH_SHARE;
  return Math.max(MIN_REFRESH_DELAY_MS, Math.round(Math.max(beforeExpiry, share)));
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  return atob(padded);
}

/** `exp - iat` of a JWT, in ms, when the token is one and carries both claims. */
export function jwtLifetimeMs(token: string): number | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(payload));
    if (typeof claims !== 'object' || claims === null) return null;
    const { iat, exp } = claims as { iat?: unknown; exp?: unknown };
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp <= iat) return null;
    return (exp - iat) * 1000;
  } catch {
    return null;
  }
}

/**
 * The token's lifetime as seen from this browser. Both claims of the JWT come from the
 * server's clock, so a browser clock that is off does not matter; otherwise the distance
 * from now to `accessTokenExpiresAt`.
 */
export function tokenLifetimeMs(token: string, expiresAtIso: string, receivedAtMs: number): number {
  const fromJwt = jwtLifetimeMs(token);
  if (fromJwt !== null) return fromJwt;
  const expiresAt = Date.parse(expiresAtIso);
  return Number.isNaN(expiresAt) ? 0 : expiresAt - receivedAtMs;
}
