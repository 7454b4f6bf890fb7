/** The viewer's training: enrolments, e-learning progress and certificates. */
import '../../training/training.css';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PagedStates } from '../../components/LoadMore';
import { QueryStates } from '../../components/States';
import { Table } from '../../components/Table';
import { formatDate, paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { usePagedQuery } from '../../lib/useLoadMore';
import { MyCertificatesDocument, MyELearningDocument, MyEnrolmentsDocument } from '../../training/documents';
import { enrolmentText, PROGRAMME_FORMAT_LABELS, sessionTimes } from '../../training/format';
import { CertificateStatusBadge } from './ManagePanel';

const NO_VARIABLES = {};

export default function MyTrainingPage() {
  useDocumentTitle('My training');
  const enrolments = usePagedQuery({
    query: MyEnrolmentsDocument,
    variables: NO_VARIABLES,
    connection: (data) => data.myEnrolments,
  });
  const certificates = usePagedQuery({
    query: MyCertificatesDocument,
    variables: NO_VARIABLES,
    connection: (data) => data.myCertificates,
  });
  const [eLearning, refetchELearning] = useQuery({ query: MyELearningDocument });
  const started = (eLearning.data?.programmes.nodes ?? []).filter(
    (p) => p.viewerProgress && p.viewerProgress.completedModules > 0,
  );

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={paths.training()}>Training</Link>
      </p>
      <h1>My training</h1>

      <section className="section" aria-labelledby="my-enrolments">
        <h2 id="my-enrolments">Enrolments</h2>
        <PagedStates
          paged={enrolments}
          loading="Loading enrolments…"
          empty={
            <>
              You have not enrolled in a session yet. The <Link to={paths.training()}>catalogue</Link> lists what is
              offered.
            </>
          }
          more="Show more enrolments"
        >
          <ul className="card-list" aria-label="Enrolments">
            {enrolments.nodes.map((e) => {
              const session = e.session;
              const times = session ? sessionTimes(session) : null;
              return (
                <li key={e.id} className="card">
                  <div className="card-title-row">
                    <h3>
                      {session ? (
                        <Link to={paths.programme(session.programme.id)}>{session.programme.title}</Link>
                      ) : (
                        'A programme you can no longer see'
                      )}
                    </h3>
                    {session && <span className="tag">{PROGRAMME_FORMAT_LABELS[session.programme.format]}</span>}
                    {session?.status === 'CANCELLED' && <span className="tag tag-danger">Session cancelled</span>}
                  </div>
                  {times && session && (
                    <p>
                      <time dateTime={session.startsAt}>{times.local}</time> ({times.zone})
                    </p>
                  )}
                  <p className="meta">
                    <strong>{e.completedAt ? 'Completed' : enrolmentText(e)}</strong>
                    {e.attended != null && (
                      <span>{e.attended ? 'Attended' : 'Did not attend'}</span>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        </PagedStates>
      </section>

      <section className="section" aria-labelledby="my-elearning">
        <h2 id="my-elearning">E-learning</h2>
        <QueryStates
          result={eLearning}
          retry={() => refetchELearning({ requestPolicy: 'network-only' })}
          loading="Loading e-learning…"
          isEmpty={started.length === 0}
          empty="You have not started an e-learning programme."
        >
          <ul className="card-list" aria-label="E-learning progress">
            {started.map((p) =>
              p.viewerProgress ? (
                <li key={p.id} className="card">
                  <h3>
                    <Link to={paths.programme(p.id)}>{p.title}</Link>
                  </h3>
                  <p className="progress-row">
                    <label htmlFor={`progress-${p.id}`}>
                      {p.viewerProgress.completedModules} of {p.viewerProgress.totalModules} modules done
                      {p.viewerProgress.complete ? ' — complete' : ''}
                    </label>
                    <progress
                      id={`progress-${p.id}`}
                      value={p.viewerProgress.completedModules}
                      max={p.viewerProgress.totalModules}
                    />
                  </p>
                </li>
              ) : null,
            )}
          </ul>
        </QueryStates>
      </section>

      <section className="section training-section" aria-labelledby="my-certificates">
        <h2 id="my-certificates">Certificates</h2>
        <PagedStates
          paged={certificates}
          loading="Loading certificates…"
          empty="You hold no certificates yet."
          more="Show more certificates"
        >
          <Table caption="Your certificates" columns={['Programme', 'Code', 'Status', 'Issued', 'Expires']}>
            {certificates.nodes.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={paths.programme(c.programmeId)}>{c.programmeTitle}</Link>
                </td>
                <td>
                  <Link className="mono" to={paths.verify(c.code)}>
                    {c.code}
                  </Link>
                </td>
                <td>
                  <CertificateStatusBadge status={c.status} />
                  {c.revokedReason && <span className="sub">{c.revokedReason}</span>}
                </td>
                <td>
                  <time dateTime={c.issuedAt}>{formatDate(c.issuedAt)}</time>
                </td>
                <td>{c.expiresAt ? <time dateTime={c.expiresAt}>{formatDate(c.expiresAt)}</time> : 'Never'}</td>
              </tr>
            ))}
          </Table>
        </PagedStates>
      </section>
    </div>
  );
}
