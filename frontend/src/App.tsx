import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { apiFor } from './api/instance';
import { Layout } from './components/Layout';
import { Loading } from './components/States';
import { NotificationsProvider } from './notifications/NotificationsProvider';
import { SignInPage } from './pages/SignInPage';
import { session } from './session/instance';
import { useSessionState } from './session/useSession';

const WorkspacesPage = lazy(() => import('./pages/WorkspacesPage'));
const WorkspacePage = lazy(() => import('./pages/WorkspacePage'));
const ThreadPage = lazy(() => import('./pages/ThreadPage'));
const AdvisoryPage = lazy(() => import('./pages/AdvisoryPage'));
const AlertsPage = lazy(() => import('./pages/AlertsPage'));
const SearchPage = lazy(() => import('./pages/SearchPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const OrganizationsPage = lazy(() => import('./pages/admin/OrganizationsPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const ApiTokensPage = lazy(() => import('./pages/admin/ApiTokensPage'));
const TrainingPage = lazy(() => import('./pages/training/TrainingPage'));
const ProgrammePage = lazy(() => import('./pages/training/ProgrammePage'));
const MyTrainingPage = lazy(() => import('./pages/training/MyTrainingPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
/** The pages anyone may read: no session, an anonymous client of their own. */
const PublicSite = lazy(() => import('./public/PublicSite'));
/** Certificate verification, for anyone: the same anonymous client. */
const VerifySite = lazy(() => import('./public/VerifySite'));

function Splash({ label }: { label?: string }) {
  return (
    <main id="main" className="splash">
      <Loading label={label} />
    </main>
  );
}

function SignedIn({ epoch }: { epoch: number }) {
  const api = apiFor(epoch);
  return (
    <Provider value={api.client}>
      <NotificationsProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<Navigate to="/workspaces" replace />} />
            <Route path="workspaces" element={<WorkspacesPage />} />
            <Route path="workspaces/:workspaceId/*" element={<WorkspacePage />} />
            <Route path="threads/:threadId" element={<ThreadPage />} />
            <Route path="advisories/:advisoryId" element={<AdvisoryPage />} />
            <Route path="alerts" element={<AlertsPage />} />
            <Route path="training" element={<TrainingPage />} />
            <Route path="training/mine" element={<MyTrainingPage />} />
            <Route path="training/:programmeId" element={<ProgrammePage />} />
            <Route path="search" element={<SearchPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="admin/organizations" element={<OrganizationsPage />} />
            <Route path="admin/users" element={<UsersPage />} />
            <Route path="admin/tokens" element={<ApiTokensPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </NotificationsProvider>
    </Provider>
  );
}

/** Everything behind the sign-in: the session decides what shows. */
function Members() {
  const state = useSessionState();

  useEffect(() => {
    const stop = session.start();
    void session.restore();
    return stop;
  }, []);

  switch (state.status) {
    case 'restoring':
      return <Splash label="Opening Alliance Hub…" />;
    case 'signedOut':
      return <SignInPage reason={state.reason} />;
    case 'signedIn':
      // A new account (epoch) starts from a clean slate: new client, no state of the last one.
      return <SignedIn key={state.epoch} epoch={state.epoch} />;
  }
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="public/*"
          element={
            <Suspense fallback={<Splash />}>
              <PublicSite />
            </Suspense>
          }
        />
        <Route
          path="verify/*"
          element={
            <Suspense fallback={<Splash />}>
              <VerifySite />
            </Suspense>
          }
        />
        <Route path="*" element={<Members />} />
      </Routes>
    </BrowserRouter>
  );
}
