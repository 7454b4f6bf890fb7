/**
 * Certificate verification (`/verify`, `/verify/:code`): anyone, without signing in, with the
 * anonymous client of the public pages.
 */
import '../training/training.css';
import { type SubmitEvent, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { Provider, useQuery } from 'urql';
import { QueryStates } from '../components/States';
import type { CertificateStatus } from '../gql/graphql';
import { formatDate, paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useSessionState } from '../session/useSession';
import { CERTIFICATE_STATUS_LABELS } from '../training/format';
import { createPublicClient } from './client';
import { VerifyCertificateDocument } from './verify';

export default function VerifySite() {
  const [client] = useState(createPublicClient);
  const signedIn = useSessionState().status === 'signedIn';
  return (
    <Provider value={client}>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header public-header">
        <Link to={paths.publicHome()} className="brand">
          Alliance Hub
        </Link>
        <nav aria-label="Main" className="main-nav">
          <ul>
            <li>
              <Link className="nav-link" to={paths.verify()}>
                Verify a certificate
              </Link>
            </li>
            <li>
              <Link className="nav-link" to={paths.publicHome()}>
                Public alerts
              </Link>
            </li>
            <li>
              <Link className="nav-link" to={signedIn ? paths.workspaces() : '/'}>
                {signedIn ? 'Your workspaces' : 'Sign in'}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route index element={<VerifyPage />} />
          <Route path=":code" element={<VerifyPage />} />
        </Routes>
      </main>
    </Provider>
  );
}

function VerifyPage() {
  const { code = '' } = useParams();
  useDocumentTitle(code ? `Certificate ${code}` : 'Verify a certificate');
  return (
    <div className="page">
      <h1>Verify a certificate</h1>
      <CodeForm key={code} initial={code} />
      {code && <Verification code={code} />}
    </div>
  );
}

function CodeForm({ initial }: { initial: string }) {
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (trimmed) void navigate(paths.verify(trimmed));
  };
  return (
    <form className="search-form verify-form" onSubmit={submit} aria-label="Verify a certificate">
      <label htmlFor="certificate-code">Certificate code</label>
      <input id="certificate-code" required value={code} onChange={(e) => setCode(e.target.value)} />
      <button type="submit" className="button-primary">
        Verify
      </button>
    </form>
  );
}

const STATUS_SENTENCES: Readonly<Record<CertificateStatus, string>> = {
  VALID: 'This certificate is valid.',
  EXPIRED: 'This certificate has expired.',
  REVOKED: 'This certificate was revoked.',
};

function Verification({ code }: { code: string }) {
  const [result, refetch] = useQuery({ query: VerifyCertificateDocument, variables: { code } });
  const found = result.data?.verifyCertificate;
  return (
    <section className="section" aria-labelledby="verification-heading" aria-live="polite">
      <h2 id="verification-heading" className="visually-hidden">
        Result for {code}
      </h2>
      <QueryStates
        result={result}
        retry={() => refetch({ requestPolicy: 'network-only' })}
        loading="Checking the code…"
        isEmpty={!found}
        empty={<strong>No certificate has this code.</strong>}
      >
        {found && (
          <div className={`verification verification-${found.status.toLowerCase()}`}>
            <p className="verification-status">
              <span className="verification-badge">{found.status}</span> {STATUS_SENTENCES[found.status]}
            </p>
            <dl className="training-facts">
              <div>
                <dt>Holder</dt>
                <dd>{found.holderName}</dd>
              </div>
              <div>
                <dt>Programme</dt>
                <dd>{found.programmeTitle}</dd>
              </div>
              <div>
                <dt>Provider</dt>
                <dd>{found.providerName}</dd>
              </div>
              <div>
                <dt>Issued</dt>
                <dd>
                  <time dateTime={found.issuedAt}>{formatDate(found.issuedAt)}</time>
                </dd>
              </div>
              <div>
                <dt>Expires</dt>
                <dd>
                  {found.expiresAt ? <time dateTime={found.expiresAt}>{formatDate(found.expiresAt)}</time> : 'Never'}
                </dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>{CERTIFICATE_STATUS_LABELS[found.status]}</dd>
              </div>
            </dl>
          </div>
        )}
      </QueryStates>
    </section>
  );
}
