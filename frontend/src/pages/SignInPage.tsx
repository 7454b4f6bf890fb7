import { type SubmitEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { describeError, NETWORK_DOWN, SESSION_EXPIRED } from '../errors/messages';
import { paths } from '../lib/paths';
import { session } from '../session/instance';
import type { SignedOutReason } from '../session/session';

const REASONS: Readonly<Record<SignedOutReason, string | null>> = {
  none: null,
  expired: SESSION_EXPIRED,
  signedOut: 'You have signed out.',
  unreachable: NETWORK_DOWN,
};

export function SignInPage({ reason }: { reason: SignedOutReason }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const errorRef = useRef<HTMLParagraphElement>(null);
  const notice = REASONS[reason];

  useEffect(() => {
    document.title = 'Sign in · Alliance Hub';
  }, []);

  useEffect(() => {
    if (error !== undefined) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const outcome = await session.signIn(email.trim(), password);
    if (!outcome.ok) {
      setPending(false);
      setPassword('');
      setError(outcome.error ?? new Error('sign-in failed'));
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <h1>Alliance Hub</h1>
        <p className="lede">Sign in to work with your alliance partners.</p>
        {notice && (
          <p className={reason === 'expired' ? 'notice notice-warning' : 'notice'} role="status">
            {notice}
          </p>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate={false}>
          <div className="field">
            <label htmlFor="sign-in-email">Email</label>
            <input
              id="sign-in-email"
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">Password</label>
            <input
              id="sign-in-password"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {error !== undefined && (
            <p className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
              {describeError(error, {
                UNAUTHENTICATED: 'The email or password is not right. Please try again.',
              })}
            </p>
          )}
          <button type="submit" className="button-primary" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="sign-in-public">
          No account? Read the <Link to={paths.publicHome()}>Public alerts</Link> and advisories
          without signing in.
        </p>
      </div>
    </main>
  );
}
