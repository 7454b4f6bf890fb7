import type { ReactNode } from 'react';
import { describeError, type ErrorCode, isRetryable, NOT_FOUND } from '../errors/messages';

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
  return <FormProblem problem={describeError(error)} />;
}

/**
 * What a screen shows for its query: the error (with "Try again") while nothing has loaded, a
 * spinner until the first answer, the `empty` sentence when there is nothing to list, else the
 * children.
 */
export function QueryStates({
  result,
  retry,
  loading,
  stale = false,
  isEmpty = false,
  empty,
  children,
}: {
  result: { readonly data?: unknown; readonly error?: unknown };
  retry?: () => void;
  /** What the spinner says, e.g. "Loading threads…". */
  loading: string;
  /** The data answers an earlier question (a new search is on its way): the spinner, too. */
  stale?: boolean;
  isEmpty?: boolean;
  empty?: ReactNode;
  children: ReactNode;
}) {
  if (result.error && !result.data) return <ErrorNotice error={result.error} retry={retry} />;
  if (!result.data || stale) return <Loading label={loading} />;
  if (isEmpty) return <Empty>{empty}</Empty>;
  return <>{children}</>;
}

/** The screen of one thing, named by the id in the address, when loading it failed. */
export function LoadFailedPage({
  title,
  error,
  retry,
}: {
  title: string;
  error: unknown;
  retry: () => void;
}) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <ErrorNotice
        error={error}
        // The only input is the id in the address: a malformed one is simply not there.
        overrides={{ BAD_USER_INPUT: NOT_FOUND }}
        retry={retry}
      />
    </div>
  );
}

/** A sentence of a form's own about what is missing, announced when it appears. */
export function FormProblem({ problem }: { problem: string | null }) {
  if (problem === null) return null;
  return (
    <p className="form-error" role="alert">
      {problem}
    </p>
  );
}
