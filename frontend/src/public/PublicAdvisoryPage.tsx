import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { LoadFailedPage, Loading } from '../components/States';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { AdvisoryView } from '../pages/advisory/AdvisoryView';
import { PublicAdvisoryDocument } from './documents';

/** A public advisory, for anyone: what an anonymous reader may see of it. */
export default function PublicAdvisoryPage() {
  const { advisoryId = '' } = useParams();
  const [result, refetch] = useQuery({ query: PublicAdvisoryDocument, variables: { id: advisoryId } });
  const advisory = result.data?.advisory;
  useDocumentTitle(advisory ? `${advisory.reference ?? ''} ${advisory.title}`.trim() : 'Advisory');

  if (result.error && !advisory) {
    return (
      <LoadFailedPage title="Advisory" error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  if (!advisory) return <Loading label="Loading advisory…" />;
  return (
    <AdvisoryView
      advisory={advisory}
      breadcrumb={
        <p className="breadcrumb">
          <Link to={paths.publicHome()}>Public alerts and advisories</Link>
        </p>
      }
      actions={
        advisory.csafUrl && (
          <p className="actions">
            <a href={advisory.csafUrl} type="application/json" className="button-secondary">
              CSAF document
            </a>
          </p>
        )
      }
    />
  );
}
