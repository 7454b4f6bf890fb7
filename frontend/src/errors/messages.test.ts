import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  currentRevisionOf,
  describeError,
  errorCode,
  errorField,
  formatWait,
  isFieldError,
  NETWORK_DOWN,
  SESSION_EXPIRED,
} from './messages';

function apiError(code: string, message = 'server says', extensions: Record<string, unknown> = {}) {
  return new CombinedError({
    graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extensions } })],
  });
}

describe('errorCode', () => {
  it('reads extensions.code', () => {
    expect(errorCode(apiError('FORBIDDEN'))).toBe('FORBIDDEN');
    expect(errorCode(apiError('NOT_FOUND'))).toBe('NOT_FOUND');
  });

  it('calls a failed fetch a network problem', () => {
    expect(errorCode(new CombinedError({ networkError: new TypeError('Failed to fetch') }))).toBe(
      'NETWORK',
    );
    expect(errorCode(new TypeError('Failed to fetch'))).toBe('NETWORK');
  });

  it('groups refused requests and unknown codes', () => {
    expect(errorCode(apiError('GRAPHQL_VALIDATION_FAILED'))).toBe('REQUEST_REJECTED');
    expect(errorCode(apiError('QUERY_TOO_COMPLEX'))).toBe('REQUEST_REJECTED');
    expect(errorCode(apiError('SOMETHING_NEW'))).toBe('INTERNAL');
    expect(errorCode(undefined)).toBe('INTERNAL');
  });
});

describe('describeError', () => {
  it.each([
    ['FORBIDDEN', 'You do not have permission to do this.'],
    ['NOT_FOUND', 'This does not exist, or you do not have access to it.'],
    ['UNAUTHENTICATED', SESSION_EXPIRED],
    ['TIMEOUT', 'The server took too long to answer. Please try again.'],
    ['INTERNAL', 'Something went wrong on our side. Please try again in a moment.'],
  ])('%s reads as a plain sentence', (code, sentence) => {
    expect(describeError(apiError(code))).toBe(sentence);
  });

  it('says so when the server cannot be reached', () => {
    const offline = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(describeError(offline)).toBe(NETWORK_DOWN);
  });

  it('quotes what was wrong with the input', () => {
    expect(describeError(apiError('BAD_USER_INPUT', 'must contain a word to search for'))).toBe(
      'Please check what you entered: Must contain a word to search for.',
    );
  });

  it('explains a conflict and what to do', () => {
    expect(describeError(apiError('CONFLICT', 'a conflicting record already exists'))).toBe(
      'This clashes with the current state: A conflicting record already exists. Reload and try again.',
    );
  });

  it('tells how long to wait when rate limited', () => {
    expect(describeError(apiError('RATE_LIMITED', 'too many', { retryAfter: 600 }))).toBe(
      'Too many attempts. Please wait 10 minutes and try again.',
    );
    expect(describeError(apiError('RATE_LIMITED'))).toBe(
      'Too many attempts. Please wait a moment and try again.',
    );
  });

  it('lets a screen word a code its own way', () => {
    expect(describeError(apiError('UNAUTHENTICATED'), { UNAUTHENTICATED: 'Wrong password.' })).toBe(
      'Wrong password.',
    );
  });

  it('never shows internal server text', () => {
    expect(describeError(apiError('INTERNAL', 'db connection refused at 10.0.0.3'))).not.toContain(
      '10.0.0.3',
    );
  });

  it('names the field of a bad input', () => {
    expect(errorField(apiError('BAD_USER_INPUT', 'too long', { field: 'title' }))).toBe('title');
    expect(errorField(apiError('FORBIDDEN'))).toBeUndefined();
  });
});

describe('formatWait', () => {
  it.each([
    [1, '1 second'],
    [45, '45 seconds'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [900, '15 minutes'],
  ])('%i s is "%s"', (seconds, text) => {
    expect(formatWait(seconds)).toBe(text);
  });
});

describe('advisory errors', () => {
  it('reads the current revision of a stale save, and says what to do', () => {
    const stale = apiError('CONFLICT', 'the advisory has changed since', { currentRevision: 4 });
    expect(currentRevisionOf(stale)).toBe(4);
    expect(describeError(stale)).toBe(
      'Someone else saved revision 4 in the meantime. Review their changes, then save again.',
    );
    expect(currentRevisionOf(apiError('CONFLICT', 'the advisory is withdrawn'))).toBeUndefined();
    expect(currentRevisionOf(apiError('BAD_USER_INPUT', 'x', { currentRevision: 4 }))).toBeUndefined();
  });

  it('tells whether an input error belongs to a field the form shows', () => {
    const bad = apiError('BAD_USER_INPUT', 'entry 2: not a valid CVE id (CVE-YYYY-NNNN)', { field: 'cves' });
    expect(isFieldError(bad, ['title', 'cves'])).toBe(true);
    expect(isFieldError(bad, ['title'])).toBe(false);
    expect(describeError(bad)).toBe(
      'Please check what you entered: Entry 2: not a valid CVE id (CVE-YYYY-NNNN).',
    );
  });
});
