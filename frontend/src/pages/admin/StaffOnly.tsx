import type { ReactNode } from 'react';
import { isStaff } from '../../components/Layout';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useViewer } from '../../session/useSession';

/**
 * The admin screens, titled `title`: for coordinators and admins; others are told so (the
 * server refuses them anyway).
 */
export function StaffOnly({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
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
