/**
 * The pages anyone may read without signing in: public alerts and advisories (`/public`)
 * and each public advisory (`/public/advisories/:id`). They use an anonymous client of
 * their own: no session, no refresh, no sign-in screen.
 */
import '../advisories/advisories.css';
import { lazy, Suspense, useState } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { Provider } from 'urql';
import { Loading } from '../components/States';
import { paths } from '../lib/paths';
import { useSessionState } from '../session/useSession';
import { createPublicClient } from './client';

const PublicHome = lazy(() => import('./PublicHome'));
const PublicAdvisoryPage = lazy(() => import('./PublicAdvisoryPage'));

export default function PublicSite() {
  const [client] = useState(createPublicClient);
  const location = useLocation();
  // Known only when the app was opened behind the sign-in first (the public pages never ask).
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
              <Link className={location.pathname === paths.publicHome() ? 'nav-link active' : 'nav-link'} to={paths.publicHome()}>
                Public alerts
              </Link>
            </li>
            <li>
              <a className="nav-link" href={paths.atomFeed()} type="application/atom+xml">
                Atom feed
              </a>
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
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<PublicHome />} />
            <Route path="advisories/:advisoryId" element={<PublicAdvisoryPage />} />
            <Route path="*" element={<PublicNotFound />} />
          </Routes>
        </Suspense>
      </main>
    </Provider>
  );
}

function PublicNotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        <Link to={paths.publicHome()}>Public alerts and advisories</Link>
      </p>
    </div>
  );
}
