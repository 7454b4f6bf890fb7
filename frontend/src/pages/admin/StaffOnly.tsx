import type { ReactNode } from 'react';
import { isStaff } from '../../components/Layout';
import { useViewer } from '../../session/useSession';

/** Screens for coordinators and admins; others are told so (the server refuses them anyway). */
export function StaffOnly({ title, children }: { title: string; children: ReactNode }) {
  const viewer = useViewer();
  if (!isStaff(viewer.role)) {
    return (
      <div className="page">
        <h1>{title}</h1>
        <p className="state state-error" role="alert">
          This page is for the hub’s coordinators and platform admins.
        </p>
      </div>
    );
  }
  return <>{children}</>;
}
