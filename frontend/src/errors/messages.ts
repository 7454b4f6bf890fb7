/**
 * The one place that turns API errors into sentences for people. Every screen shows errors
 * through `describeError`, so a code reads the same everywhere.
 */

/** `extensions.code` values the server sends (see api/src/error.rs), plus `NETWORK`. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'INTERNAL'
  | 'NETWORK'
  | 'CURSOR_EXPIRED'
  | 'LAGGING'
  | 'TOO_MANY_SUBSCRIPTIONS'
  | 'REQUEST_REJECTED';

/** What the mapping reads from an error: urql's `CombinedError` has this shape. */
export interface ErrorLike {
  readonly graphQLErrors?: readonly {
    readonly message: string;
    readonly extensions?: Readonly<Record<string, unknown>> | null;
  }[];
  readonly networkError?: unknown;
  readonly message?: string;
}

/** Codes of requests the server refused before running them: a bug, not the user's doing. */
const REQUEST_CODES = new Set([
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_LARGE',
  'QUERY_TOO_MANY_TOKENS',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_MANY_ALIASES',
  'QUERY_TOO_MANY_DIRECTIVES',
  'BATCH_NOT_SUPPORTED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_ACCEPTABLE',
  'METHOD_NOT_ALLOWED',
]);

const PASSED_THROUGH = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'TIMEOUT',
  'INTERNAL',
  'CURSOR_EXPIRED',
  'LAGGING',
  'TOO_MANY_SUBSCRIPTIONS',
]);

function asErrorLike(error: unknown): ErrorLike | null {
  return typeof error === 'object' && error !== null ? error : null;
}

function firstGraphqlError(error: unknown) {
  return asErrorLike(error)?.graphQLErrors?.[0];
}

/** The error's code; `NETWORK` when the server could not be reached at all. */
export function errorCode(error: unknown): ErrorCode {
  const e = asErrorLike(error);
  const first = e?.graphQLErrors?.[0];
  const code = first?.extensions?.code;
  if (typeof code === 'string') {
    if (PASSED_THROUGH.has(code)) return code as ErrorCode;
    if (REQUEST_CODES.has(code)) return 'REQUEST_REJECTED';
    return 'INTERNAL';
  }
  if (e?.networkError !== undefined && e.networkError !== null) return 'NETWORK';
  if (error instanceof TypeError) return 'NETWORK'; // fetch() rejects with a TypeError offline
  return 'INTERNAL';
}

/** Seconds → "45 seconds", "2 minutes". */
export function formatWait(seconds: number): string {
  if (seconds < 60) {
    const s = Math.max(1, Math.ceil(seconds));
    return s === 1 ? '1 second' : `${s} seconds`;
  }
  const m = Math.ceil(seconds / 60);
  return m === 1 ? '1 minute' : `${m} minutes`;
}

function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export const SESSION_EXPIRED = 'Your session expired, please sign in again.';
export const NOT_FOUND = 'This does not exist, or you do not have access to it.';
export const NETWORK_DOWN =
  'Alliance Hub cannot be reached. Check your connection; we will keep trying.';

/** The plain sentence for an error. `overrides` replace the sentence of a code in a context
 * (e.g. UNAUTHENTICATED on the sign-in form means a wrong password, not an expired session). */
export function describeError(
  error: unknown,
  overrides: Partial<Record<ErrorCode, string>> = {},
): string {
  const code = errorCode(error);
  const override = overrides[code];
  if (override !== undefined) return override;
  const first = firstGraphqlError(error);
  const serverMessage = first?.message ?? '';
  switch (code) {
    case 'UNAUTHENTICATED':
      return SESSION_EXPIRED;
    case 'FORBIDDEN':
      return 'You do not have permission to do this.';
    case 'NOT_FOUND':
      return NOT_FOUND;
    case 'BAD_USER_INPUT':
      return serverMessage
        ? `Please check what you entered: ${sentence(serverMessage)}`
        : 'Please check what you entered.';
    case 'CONFLICT': {
      const current = currentRevisionOf(error);
      if (current !== undefined) {
        return `Someone else saved revision ${current} in the meantime. Review their changes, then save again.`;
      }
      return serverMessage
        ? `This clashes with the current state: ${sentence(serverMessage)} Reload and try again.`
        : 'This clashes with a change made in the meantime. Reload and try again.';
    }
    case 'RATE_LIMITED': {
      const after = first?.extensions?.retryAfter;
      return typeof after === 'number' && after > 0
        ? `Too many attempts. Please wait ${formatWait(after)} and try again.`
        : 'Too many attempts. Please wait a moment and try again.';
    }
    case 'TIMEOUT':
      return 'The server took too long to answer. Please try again.';
    case 'NETWORK':
      return NETWORK_DOWN;
    case 'CURSOR_EXPIRED':
    case 'LAGGING':
      return 'Live updates fell behind. Reload the page to catch up.';
    case 'TOO_MANY_SUBSCRIPTIONS':
      return 'Too many live views are open at once. Close some tabs and reload.';
    case 'REQUEST_REJECTED':
      return 'The server could not accept this request. Reload the page and try again.';
    case 'INTERNAL':
      return 'Something went wrong on our side. Please try again in a moment.';
  }
}

/** Whether trying the same again may work (the server or the network had a problem). */
export function isRetryable(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'NETWORK' || code === 'TIMEOUT' || code === 'INTERNAL' || code === 'RATE_LIMITED';
}

/** The field a BAD_USER_INPUT error names (`extensions.field`), if any. */
export function errorField(error: unknown): string | undefined {
  if (errorCode(error) !== 'BAD_USER_INPUT') return undefined;
  const field = firstGraphqlError(error)?.extensions?.field;
  return typeof field === 'string' ? field : undefined;
}

/**
 * The revision that is current now, when a save met a newer one: a `CONFLICT` carrying
 * `extensions.currentRevision` (a save against a stale revision, never an overwrite).
 */
export function currentRevisionOf(error: unknown): number | undefined {
  if (errorCode(error) !== 'CONFLICT') return undefined;
  const current = firstGraphqlError(error)?.extensions?.currentRevision;
  return typeof current === 'number' ? current : undefined;
}

/** Whether `error` is a BAD_USER_INPUT naming one of `fields` (shown next to that field). */
export function isFieldError(error: unknown, fields: readonly string[]): boolean {
  const field = errorField(error);
  return field !== undefined && fields.includes(field);
}
