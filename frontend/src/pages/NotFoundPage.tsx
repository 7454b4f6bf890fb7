import { Link } from 'react-router';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export default function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>This page does not exist, or you do not have access to it.</p>
      <p>
        <Link to={paths.workspaces()}>Go to your workspaces</Link>
      </p>
    </div>
  );
}
