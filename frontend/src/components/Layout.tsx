import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { paths } from '../lib/paths';
import { session } from '../session/instance';
import { useViewer } from '../session/useSession';
import { ConnectionBanner } from './ConnectionBanner';
import { MenuButton } from './MenuButton';
import { NotificationBell } from './NotificationBell';
import { Loading } from './States';

/** The screen a path belongs to: moving between screens moves focus to the new one. */
function screenOf(pathname: string): string {
  return pathname.split('/').slice(0, 3).join('/');
}

export function isStaff(role: string): boolean {
  return role === 'ADMIN' || role === 'COORDINATOR';
}

/** The main navigation: everyone's screens, then the admin screens for staff. */
const NAV_LINKS = [
  { to: paths.workspaces(), label: 'Workspaces' },
  { to: paths.alerts(), label: 'Alerts' },
  { to: paths.training(), label: 'Training' },
  { to: paths.search(), label: 'Search' },
];
const STAFF_NAV_LINKS = [
  { to: paths.organizations(), label: 'Organisations' },
  { to: paths.users(), label: 'Users' },
  { to: paths.apiTokens(), label: 'API tokens' },
];

export function Layout() {
  const viewer = useViewer();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const screen = screenOf(location.pathname);
  const firstScreen = useRef(screen);
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    if (screen === firstScreen.current) return;
    firstScreen.current = screen;
    if (!location.hash) mainRef.current?.focus({ preventScroll: false });
  }, [screen, location.hash]);

  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link active' : 'nav-link');

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <Link to={paths.workspaces()} className="brand">
          Alliance Hub
        </Link>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {[...NAV_LINKS, ...(isStaff(viewer.role) ? STAFF_NAV_LINKS : [])].map(({ to, label }) => (
              <li key={to}>
                <NavLink to={to} className={navClass}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <NotificationBell />
          <MenuButton
            label={`Account: ${viewer.displayName}`}
            className="account-button"
            items={[
              {
                label: signingOut ? 'Signing out…' : 'Sign out',
                onSelect: () => {
                  setSigningOut(true);
                  void session.signOut();
                },
              },
            ]}
          >
            <span className="account-name">{viewer.displayName}</span>
            <span className="account-org">{viewer.organization.name}</span>
          </MenuButton>
        </div>
      </header>
      <ConnectionBanner />
      {!viewer.organization.verified && (
        <p className="notice" role="note">
          Your organisation has not been verified yet, so nothing shared is visible to you. A
          coordinator of the hub verifies new organisations.
        </p>
      )}
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
