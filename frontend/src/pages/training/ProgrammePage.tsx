/**
 * One programme: what it is, then its modules (e-learning) or its sessions with enrolment, and
 * for its provider's managers the management parts. Changes arrive live (`trainingUpdated`):
 * the page asks the server again, so a learner on the waiting list sees their seat appear.
 */
import '../../training/training.css';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorNotice, FormError, LoadFailedPage, Loading } from '../../components/States';
import type {
  EnrolmentStatus,
  ParticipantItemFragment,
  ProgrammeQuery,
  SessionItemFragment,
} from '../../gql/graphql';
import { useLiveEvents, useOnResync } from '../../live/useLiveEvents';
import { ORGANIZATION_KIND_LABELS } from '../../lib/labels';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useRefetchOn } from '../../lib/useRefetchOn';
import {
  CancelEnrolmentDocument,
  CancelSessionDocument,
  CompleteModuleDocument,
  EnrolDocument,
  ProgrammeDocument,
  ProgrammeParticipantsDocument,
  TrainingUpdatedDocument,
  UncompleteModuleDocument,
} from '../../training/documents';
import {
  enrolmentText,
  isActiveEnrolment,
  languageName,
  PROGRAMME_FORMAT_LABELS,
  PROGRAMME_STATUS_LABELS,
  promotedSessions,
  seatsText,
  sessionTimes,
} from '../../training/format';
import { CertificatesPanel, ManagePanel, ModuleRemove, ParticipantsTable } from './ManagePanel';

export type ProgrammeData = ProgrammeQuery['programme'];

/** The participants of each session the viewer instructs or manages, by session id. */
export type ParticipantsBySession = ReadonlyMap<string, readonly ParticipantItemFragment[]>;

const NO_PARTICIPANTS: ParticipantsBySession = new Map();

type Statuses = ReadonlyMap<string, EnrolmentStatus | undefined>;

export default function ProgrammePage() {
  const { programmeId = '' } = useParams();
  const [result, refetch] = useQuery({ query: ProgrammeDocument, variables: { id: programmeId } });
  const programme = result.data?.programme;
  useDocumentTitle(programme?.title ?? 'Programme');
  // Counts the changes seen, live or of the viewer's own: the parts with queries of their own reload.
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => {
    refetch({ requestPolicy: 'network-only' });
    setTick((t) => t + 1);
  }, [refetch]);

  const instructs =
    programme !== undefined &&
    (programme.viewerCanManage || programme.sessions.nodes.some((s) => s.viewerCanInstruct));
  const [participantsResult, refetchParticipants] = useQuery({
    query: ProgrammeParticipantsDocument,
    variables: { id: programmeId },
    pause: !instructs,
  });
  const refetchIfInstructing = useCallback(
    (options: { requestPolicy: 'network-only' }) => {
      if (instructs) refetchParticipants(options);
    },
    [instructs, refetchParticipants],
  );
  useRefetchOn(tick, refetchIfInstructing);
  const participants = useMemo<ParticipantsBySession>(() => {
    const sessions = participantsResult.data?.programme.sessions.nodes;
    return sessions ? new Map(sessions.map((s) => [s.id, s.participants.nodes])) : NO_PARTICIPANTS;
  }, [participantsResult.data]);

  const variables = useMemo(() => ({ programmeId }), [programmeId]);
  const liveError = useLiveEvents(TrainingUpdatedDocument, variables, reload, !programme);
  useOnResync(reload);

  // The viewer's place in each session, as last seen: a move from the waiting list to a seat
  // is told in a notice.
  const sessions = programme?.sessions.nodes;
  const [seen, setSeen] = useState<{ sessions: typeof sessions; statuses: Statuses }>();
  const [movedUp, setMovedUp] = useState(false);
  if (sessions && seen?.sessions !== sessions) {
    const statuses: Statuses = new Map(sessions.map((s) => [s.id, s.viewerEnrolment?.status]));
    if (seen && promotedSessions(seen.statuses, statuses).length > 0) setMovedUp(true);
    setSeen({ sessions, statuses });
  }

  if (result.error && !programme) {
    return <LoadFailedPage title="Programme" error={result.error} retry={reload} />;
  }
  if (!programme) return <Loading label="Loading programme…" />;

  const sessionsFormat = programme.format !== 'E_LEARNING';
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={paths.training()}>Training</Link>
      </p>
      <div className="page-head">
        <h1>{programme.title}</h1>
        {programme.status !== 'OPEN' && <span className="tag">{PROGRAMME_STATUS_LABELS[programme.status]}</span>}
      </div>
      <div className="live-region" role="status" aria-live="polite">
        {movedUp && (
          <p className="notice notice-success">
            You moved up from the waiting list: you have a seat.{' '}
            <button type="button" className="button-quiet" onClick={() => setMovedUp(false)}>
              Dismiss
            </button>
          </p>
        )}
      </div>
      {liveError && <ErrorNotice error={liveError} />}
      <ProgrammeFacts programme={programme} />
      {programme.descriptionHtml && (
        // The server's sanitised rendering of the Markdown description.
        <div className="markdown" dangerouslySetInnerHTML={{ __html: programme.descriptionHtml }} />
      )}
      {programme.viewerCanManage && <ManagePanel programme={programme} onChanged={reload} />}
      {sessionsFormat ? (
        <SessionList programme={programme} participants={participants} onChanged={reload} />
      ) : (
        <ModuleList programme={programme} onChanged={reload} />
      )}
      {participantsResult.error && <ErrorNotice error={participantsResult.error} />}
      {programme.viewerCanManage && (
        <CertificatesPanel programme={programme} participants={participants} tick={tick} onChanged={reload} />
      )}
    </div>
  );
}

function ProgrammeFacts({ programme: p }: { programme: ProgrammeData }) {
  return (
    <dl className="training-facts">
      <div>
        <dt>Format</dt>
        <dd>{PROGRAMME_FORMAT_LABELS[p.format]}</dd>
      </div>
      <div>
        <dt>Language</dt>
        <dd>{languageName(p.language)}</dd>
      </div>
      <div>
        <dt>Provider</dt>
        <dd>{p.provider?.name ?? 'Unknown'}</dd>
      </div>
      <div>
        <dt>Audience</dt>
        <dd>
          {p.audienceKinds && p.audienceKinds.length > 0
            ? p.audienceKinds.map((k) => ORGANIZATION_KIND_LABELS[k]).join(', ')
            : 'Every member'}
        </dd>
      </div>
      <div>
        <dt>Certificate</dt>
        <dd>
          {p.certifying
            ? p.certificateValidDays
              ? `Yes, valid for ${p.certificateValidDays} days`
              : 'Yes, without expiry'
            : 'No'}
        </dd>
      </div>
      <div>
        <dt>Prerequisites</dt>
        <dd>
          {p.prerequisites.nodes.length === 0 ? (
            'None'
          ) : (
            <ul className="inline-list">
              {p.prerequisites.nodes.map((pre) => (
                <li key={pre.id}>
                  <Link to={paths.programme(pre.id)}>{pre.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

function SessionList({
  programme,
  participants,
  onChanged,
}: {
  programme: ProgrammeData;
  participants: ParticipantsBySession;
  onChanged: () => void;
}) {
  const sessions = programme.sessions.nodes;
  return (
    <section className="section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      {!programme.viewerCanEnrol && programme.status === 'OPEN' && !programme.viewerCanManage && (
        <p className="hint">
          You cannot enrol in this programme: it is for other organisations, or you have not yet completed its
          prerequisites.
        </p>
      )}
      {sessions.length === 0 ? (
        <p className="state state-empty">No sessions are scheduled.</p>
      ) : (
        <ul className="card-list" aria-label="Sessions">
          {sessions.map((s, i) => (
            <SessionCard
              key={s.id}
              session={s}
              index={i + 1}
              canEnrol={programme.viewerCanEnrol}
              canManage={programme.viewerCanManage}
              participants={participants.get(s.id)}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionCard({
  session: s,
  index,
  canEnrol,
  canManage,
  participants,
  onChanged,
}: {
  session: SessionItemFragment;
  index: number;
  canEnrol: boolean;
  /** The programme's managers may cancel the session. */
  canManage: boolean;
  /** Known to its instructors and the programme's managers. */
  participants: readonly ParticipantItemFragment[] | undefined;
  onChanged: () => void;
}) {
  const [enrolState, enrol] = useMutation(EnrolDocument);
  const [cancelState, cancel] = useMutation(CancelEnrolmentDocument);
  const [cancelSessionState, cancelSession] = useMutation(CancelSessionDocument);
  const times = sessionTimes(s);
  const enrolled = isActiveEnrolment(s.viewerEnrolment);
  const cancelled = s.status === 'CANCELLED';
  // When the page was opened: a session that ends while it is open still takes enrolments until reloaded.
  const [now] = useState(() => Date.now());
  const ended = new Date(s.endsAt).getTime() < now;
  const headingId = `session-${index}`;

  return (
    <li className="card session-card" aria-labelledby={headingId}>
      <div className="card-title-row">
        <h3 id={headingId}>Session {index}</h3>
        {cancelled && <span className="tag tag-danger">Cancelled</span>}
        {ended && !cancelled && <span className="tag">Ended</span>}
      </div>
      <p className="session-when">
        <time dateTime={s.startsAt}>{times.local}</time> <span className="meta-inline">({times.zone})</span>
      </p>
      <p className="meta">
        <span>
          UTC: <time dateTime={s.startsAt}>{times.utc}</time>
        </span>
      </p>
      {s.place && <p>Place: {s.place}</p>}
      {s.onlineLink && (
        <p>
          Online:{' '}
          <a href={s.onlineLink} rel="noopener noreferrer" target="_blank">
            {s.onlineLink}
          </a>
        </p>
      )}
      <p className="seats">{seatsText(s)}</p>
      <p className="enrolment-status" role="status">
        {s.viewerEnrolment && s.viewerEnrolment.status !== 'CANCELLED' ? enrolmentText(s.viewerEnrolment) : ''}
      </p>
      <FormError error={enrolState.error ?? cancelState.error ?? cancelSessionState.error} />
      {!cancelled && !ended && (
        <div className="actions">
          {!enrolled && canEnrol && (
            <button
              type="button"
              className="button-primary"
              disabled={enrolState.fetching}
              onClick={() => void enrol({ sessionId: s.id }).then(onChanged)}
            >
              {enrolState.fetching ? 'Enrolling…' : s.seatsFree > 0 ? 'Enrol' : 'Enrol (waiting list)'}
            </button>
          )}
          {enrolled && (
            <ConfirmAction
              trigger="Cancel enrolment"
              triggerClassName="button-secondary"
              group={`Cancel enrolment in session ${index}`}
              prompt={s.viewerEnrolment?.status === 'CONFIRMED' ? 'Give up your seat?' : 'Leave the waiting list?'}
              confirm="Yes, cancel enrolment"
              cancel="Keep it"
              busy={cancelState.fetching}
              onConfirm={() => void cancel({ sessionId: s.id }).then(onChanged)}
            />
          )}
          {canManage && (
            <ConfirmAction
              trigger="Cancel session"
              triggerLabel={`Cancel session ${index}`}
              group={`Cancel session ${index}`}
              prompt="Everyone enrolled is told, and it takes no more enrolments."
              confirm="Yes, cancel session"
              cancel="Keep it"
              busy={cancelSessionState.fetching}
              onConfirm={() => void cancelSession({ id: s.id }).then(onChanged)}
            />
          )}
        </div>
      )}
      {s.viewerCanInstruct && participants && (
        <ParticipantsTable participants={participants} index={index} onChanged={onChanged} />
      )}
    </li>
  );
}

function ModuleList({ programme, onChanged }: { programme: ProgrammeData; onChanged: () => void }) {
  const progress = programme.viewerProgress;
  const modules = programme.modules.nodes;
  return (
    <section className="section" aria-labelledby="modules-heading">
      <h2 id="modules-heading">Modules</h2>
      {progress && progress.totalModules > 0 && (
        <div className="progress-row">
          <label htmlFor="module-progress">
            {progress.completedModules} of {progress.totalModules} modules done
            {progress.complete ? ' — complete' : ''}
          </label>
          <progress id="module-progress" value={progress.completedModules} max={progress.totalModules} />
        </div>
      )}
      {modules.length === 0 ? (
        <p className="state state-empty">No modules yet.</p>
      ) : (
        <ol className="card-list module-list">
          {modules.map((m) => (
            <ModuleItem
              key={m.id}
              module={m}
              learner={progress !== null && programme.status === 'OPEN'}
              manage={programme.viewerCanManage}
              onChanged={onChanged}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function ModuleItem({
  module: m,
  learner,
  manage,
  onChanged,
}: {
  module: ProgrammeData['modules']['nodes'][number];
  learner: boolean;
  manage: boolean;
  onChanged: () => void;
}) {
  const done = m.viewerCompleted;
  const [completeState, complete] = useMutation(CompleteModuleDocument);
  const [undoState, undo] = useMutation(UncompleteModuleDocument);
  return (
    <li className="card">
      <div className="card-title-row">
        <h3>
          {m.position}. {m.title}
        </h3>
        {done && <span className="tag">Done</span>}
      </div>
      {m.contentHtml && <div className="markdown" dangerouslySetInnerHTML={{ __html: m.contentHtml }} />}
      <FormError error={completeState.error ?? undoState.error} />
      <div className="actions">
        {learner &&
          (done ? (
            <button
              type="button"
              className="button-secondary"
              disabled={undoState.fetching}
              onClick={() => void undo({ id: m.id }).then(onChanged)}
            >
              Mark not done<span className="visually-hidden">: {m.title}</span>
            </button>
          ) : (
            <button
              type="button"
              className="button-primary"
              disabled={completeState.fetching}
              onClick={() => void complete({ id: m.id }).then(onChanged)}
            >
              Mark done<span className="visually-hidden">: {m.title}</span>
            </button>
          ))}
        {manage && <ModuleRemove module={m} onChanged={onChanged} />}
      </div>
    </li>
  );
}
