import type { ReactNode } from 'react';
import { describeError, type ErrorCode, isRetryable } from '../errors/messages';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function ErrorNotice({
  error,
  retry,
  overrides,
}: {
  error: unknown;
  retry?: () => void;
  overrides?: Partial<Record<ErrorCode, string>>;
}) {
  return (
    <div className="state state-error" role="alert">
      <p>{describeError(error, overrides)}</p>
      {retry && isRetryable(error) && (
        <button type="button" className="button-secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A form's error, announced when it appears. */
export function FormError({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  return (
    <p className="form-error" role="alert">
      {describeError(error)}
    </p>
  );
}
