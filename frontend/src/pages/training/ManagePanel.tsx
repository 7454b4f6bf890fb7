/** What a programme's managers (its provider) see on its page. */
import { type SubmitEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmAction } from '../../components/ConfirmAction';
import { CheckboxGroup, FieldError, FormActions, invalidProps } from '../../components/Form';
import { PagedStates } from '../../components/LoadMore';
import { FormError, FormProblem } from '../../components/States';
import { Table } from '../../components/Table';
import type { CertificateItemFragment, OrganizationKind, ParticipantItemFragment } from '../../gql/graphql';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS } from '../../lib/labels';
import { formatDate, paths } from '../../lib/paths';
import { usePagedQuery } from '../../lib/useLoadMore';
import { useRefetchOn } from '../../lib/useRefetchOn';
import {
  AddModuleDocument,
  CloseProgrammeDocument,
  CompleteEnrolmentDocument,
  CreateSessionDocument,
  IssueCertificateDocument,
  OpenProgrammeDocument,
  ProgrammeCertificatesDocument,
  RecordAttendanceDocument,
  RemoveModuleDocument,
  RemoveParticipantDocument,
  RevokeCertificateDocument,
  UpdateProgrammeDocument,
} from '../../training/documents';
import {
  browserTimeZone,
  CERTIFICATE_STATUS_LABELS,
  isTimeZone,
  participantText,
  PROGRAMME_STATUS_LABELS,
  zonedWallTimeToUtc,
} from '../../training/format';
import type { ParticipantsBySession, ProgrammeData } from './ProgrammePage';

export function ManagePanel({ programme, onChanged }: { programme: ProgrammeData; onChanged: () => void }) {
  const [openState, open] = useMutation(OpenProgrammeDocument);
  const [closeState, close] = useMutation(CloseProgrammeDocument);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const eLearning = programme.format === 'E_LEARNING';

  return (
    <section className="panel manage-panel" aria-labelledby="manage-heading">
      <h2 id="manage-heading">Manage programme</h2>
      <p>
        Status: <strong>{PROGRAMME_STATUS_LABELS[programme.status]}</strong>
        {programme.status === 'DRAFT' && ' — only your organisation sees it until it is opened.'}
        {programme.status === 'CLOSED' && ' — no new enrolments.'}
      </p>
      <FormError error={openState.error ?? closeState.error} />
      <div className="actions">
        {programme.status !== 'OPEN' ? (
          <button
            type="button"
            className="button-primary"
            disabled={openState.fetching}
            onClick={() => void open({ id: programme.id }).then(onChanged)}
          >
            {openState.fetching ? 'Opening…' : 'Open for enrolment'}
          </button>
        ) : (
          <ConfirmAction
            trigger="Close enrolment"
            triggerClassName="button-secondary"
            group="Close enrolment"
            prompt="No new enrolments will be taken."
            confirm="Close programme"
            busy={closeState.fetching}
            onConfirm={() => void close({ id: programme.id }).then(onChanged)}
          />
        )}
        {!editing && (
          <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
            Edit programme
          </button>
        )}
        {!adding && (
          <button type="button" className="button-secondary" onClick={() => setAdding(true)}>
            {eLearning ? 'Add module' : 'New session'}
          </button>
        )}
      </div>
      {editing && (
        <EditProgrammeForm
          programme={programme}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
      {adding &&
        (eLearning ? (
          <AddModuleForm
            programmeId={programme.id}
            onCancel={() => setAdding(false)}
            onAdded={() => {
              setAdding(false);
              onChanged();
            }}
          />
        ) : (
          <NewSessionForm
            programmeId={programme.id}
            onCancel={() => setAdding(false)}
            onCreated={() => {
              setAdding(false);
              onChanged();
            }}
          />
        ))}
    </section>
  );
}

const EDIT_FIELDS = ['title', 'description', 'language', 'audienceKinds', 'certifying', 'certificateValidDays'];

function EditProgrammeForm({ programme, onDone }: { programme: ProgrammeData; onDone: () => void }) {
  const [title, setTitle] = useState(programme.title);
  const [description, setDescription] = useState(programme.description);
  const [language, setLanguage] = useState(programme.language);
  const [audience, setAudience] = useState<OrganizationKind[]>([...(programme.audienceKinds ?? [])]);
  const [certifying, setCertifying] = useState(programme.certifying);
  const [validDays, setValidDays] = useState(programme.certificateValidDays?.toString() ?? '');
  const [state, update] = useMutation(UpdateProgrammeDocument);
  const error = state.error;
  const alwaysCertifying = programme.format === 'CERTIFICATION';

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await update({
      id: programme.id,
      input: {
        title,
        description,
        language: language.trim().toLowerCase(),
        audienceKinds: audience.length > 0 ? audience : null,
        certifying: alwaysCertifying || certifying,
        ...(validDays.trim() === '' ? {} : { certificateValidDays: Number(validDays) }),
      },
    });
    if (result.data) onDone();
  };

  return (
    <form className="subpanel" onSubmit={(e) => void submit(e)} aria-labelledby="edit-programme-heading">
      <h3 id="edit-programme-heading">Edit programme</h3>
      <div className="field">
        <label htmlFor="edit-programme-title">Title</label>
        <input
          id="edit-programme-title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...invalidProps(error, 'title', 'edit-programme-title')}
        />
        <FieldError error={error} field="title" inputId="edit-programme-title" />
      </div>
      <div className="field">
        <label htmlFor="edit-programme-description">Description (Markdown)</label>
        <textarea
          id="edit-programme-description"
          rows={5}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          {...invalidProps(error, 'description', 'edit-programme-description')}
        />
        <FieldError error={error} field="description" inputId="edit-programme-description" />
      </div>
      <div className="field">
        <label htmlFor="edit-programme-language">Language (ISO 639-1 code)</label>
        <input
          id="edit-programme-language"
          required
          maxLength={8}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          {...invalidProps(error, 'language', 'edit-programme-language')}
        />
        <FieldError error={error} field="language" inputId="edit-programme-language" />
      </div>
      <fieldset className="field">
        <legend>Audience (none chosen: every member)</legend>
        <CheckboxGroup
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: ORGANIZATION_KIND_LABELS[k] }))}
          selected={audience}
          onChange={setAudience}
        />
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={alwaysCertifying || certifying}
          disabled={alwaysCertifying}
          onChange={(e) => setCertifying(e.target.checked)}
        />
        Completion issues a certificate
      </label>
      <div className="field">
        <label htmlFor="edit-programme-validity">Certificates valid for (days)</label>
        <input
          id="edit-programme-validity"
          type="number"
          min={1}
          max={3650}
          value={validDays}
          onChange={(e) => setValidDays(e.target.value)}
          {...invalidProps(error, 'certificateValidDays', 'edit-programme-validity')}
        />
        <FieldError error={error} field="certificateValidDays" inputId="edit-programme-validity" />
      </div>
      <FormActions state={state} submit="Save programme" submitting="Saving…" onCancel={onDone} fields={EDIT_FIELDS} />
    </form>
  );
}

function AddModuleForm({
  programmeId,
  onCancel,
  onAdded,
}: {
  programmeId: string;
  onCancel: () => void;
  onAdded: () => void;
}) {
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [state, add] = useMutation(AddModuleDocument);
  const error = state.error;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await add({ programmeId, title, content });
    if (result.data) onAdded();
  };
  return (
    <form className="subpanel" onSubmit={(e) => void submit(e)} aria-labelledby="add-module-heading">
      <h3 id="add-module-heading">Add module</h3>
      <div className="field">
        <label htmlFor="module-title">Title</label>
        <input
          id="module-title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...invalidProps(error, 'title', 'module-title')}
        />
        <FieldError error={error} field="title" inputId="module-title" />
      </div>
      <div className="field">
        <label htmlFor="module-content">Content (Markdown)</label>
        <textarea
          id="module-content"
          rows={5}
          value={content}
          onChange={(e) => setContent(e.target.value)}
          {...invalidProps(error, 'content', 'module-content')}
        />
        <FieldError error={error} field="content" inputId="module-content" />
      </div>
      <FormActions state={state} submit="Add module" submitting="Adding…" onCancel={onCancel} fields={['title', 'content']} />
    </form>
  );
}

export function ModuleRemove({
  module: m,
  onChanged,
}: {
  module: { readonly id: string; readonly title: string };
  onChanged: () => void;
}) {
  const [state, remove] = useMutation(RemoveModuleDocument);
  return (
    <>
      <ConfirmAction
        trigger="Remove"
        triggerLabel={`Remove module ${m.title}`}
        group={`Remove module ${m.title}`}
        prompt="Remove this module?"
        confirm="Remove module"
        busy={state.fetching}
        onConfirm={() => void remove({ id: m.id }).then(onChanged)}
      />
      <FormError error={state.error} />
    </>
  );
}

const SESSION_FIELDS = ['startsAt', 'endsAt', 'timeZone', 'place', 'onlineLink', 'capacity'];

function NewSessionForm({
  programmeId,
  onCancel,
  onCreated,
}: {
  programmeId: string;
  onCancel: () => void;
  onCreated: () => void;
}) {
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [place, setPlace] = useState('');
  const [onlineLink, setOnlineLink] = useState('');
  const [capacity, setCapacity] = useState('20');
  const [problem, setProblem] = useState<string | null>(null);
  const [state, create] = useMutation(CreateSessionDocument);
  const error = state.error;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const zone = timeZone.trim();
    if (!isTimeZone(zone)) {
      setProblem('The time zone is not one this browser knows: use an IANA name such as Europe/Amsterdam.');
      return;
    }
    const start = zonedWallTimeToUtc(startsAt, zone);
    const end = zonedWallTimeToUtc(endsAt, zone);
    if (!start || !end) {
      setProblem('Give the start and the end of the session.');
      return;
    }
    setProblem(null);
    const result = await create({
      programmeId,
      input: {
        startsAt: start,
        endsAt: end,
        timeZone: zone,
        place: place.trim() || null,
        onlineLink: onlineLink.trim() || null,
        capacity: Number(capacity),
      },
    });
    if (result.data) onCreated();
  };

  return (
    <form className="subpanel" onSubmit={(e) => void submit(e)} aria-labelledby="new-session-heading">
      <h3 id="new-session-heading">New session</h3>
      <div className="field">
        <label htmlFor="session-zone">Time zone (IANA name)</label>
        <input
          id="session-zone"
          required
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          {...invalidProps(error, 'timeZone', 'session-zone')}
        />
        <p className="hint">The start and end below are clock times in this zone.</p>
        <FieldError error={error} field="timeZone" inputId="session-zone" />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="session-start">Starts</label>
          <input
            id="session-start"
            type="datetime-local"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
            {...invalidProps(error, 'startsAt', 'session-start')}
          />
          <FieldError error={error} field="startsAt" inputId="session-start" />
        </div>
        <div className="field">
          <label htmlFor="session-end">Ends</label>
          <input
            id="session-end"
            type="datetime-local"
            required
            value={endsAt}
            onChange={(e) => setEndsAt(e.target.value)}
            {...invalidProps(error, 'endsAt', 'session-end')}
          />
          <FieldError error={error} field="endsAt" inputId="session-end" />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="session-place">Place</label>
          <input
            id="session-place"
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            {...invalidProps(error, 'place', 'session-place')}
          />
          <FieldError error={error} field="place" inputId="session-place" />
        </div>
        <div className="field">
          <label htmlFor="session-link">Online link (https)</label>
          <input
            id="session-link"
            type="url"
            value={onlineLink}
            onChange={(e) => setOnlineLink(e.target.value)}
            {...invalidProps(error, 'onlineLink', 'session-link')}
          />
          <p className="hint">Shown only to confirmed participants.</p>
          <FieldError error={error} field="onlineLink" inputId="session-link" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="session-capacity">Seats</label>
        <input
          id="session-capacity"
          type="number"
          required
          min={1}
          max={1000}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          {...invalidProps(error, 'capacity', 'session-capacity')}
        />
        <FieldError error={error} field="capacity" inputId="session-capacity" />
      </div>
      <FormProblem problem={problem} />
      <FormActions
        state={state}
        submit="Create session"
        submitting="Creating…"
        onCancel={onCancel}
        fields={SESSION_FIELDS}
      />
    </form>
  );
}

/** A session's participants, for its instructors and the programme's managers. */
export function ParticipantsTable({
  participants: all,
  index,
  onChanged,
}: {
  participants: readonly ParticipantItemFragment[];
  index: number;
  onChanged: () => void;
}) {
  const [attendState, attend] = useMutation(RecordAttendanceDocument);
  const [completeState, complete] = useMutation(CompleteEnrolmentDocument);
  const [removeState, remove] = useMutation(RemoveParticipantDocument);
  const participants = all.filter((p) => p.status !== 'CANCELLED');
  return (
    <div className="participants">
      <h4>Participants</h4>
      <FormError error={attendState.error ?? completeState.error ?? removeState.error} />
      {participants.length === 0 ? (
        <p className="state state-empty">Nobody has enrolled yet.</p>
      ) : (
        <Table caption={`Participants of session ${index}`} columns={['Name', 'Status', 'Attended', 'Completion', '']}>
          {participants.map((p) => {
            const name = p.learner?.displayName ?? 'Someone';
            return (
              <tr key={p.id}>
                <td>
                  {name}
                  {p.learner && <span className="sub">{p.learner.organization.name}</span>}
                </td>
                <td>{participantText(p)}</td>
                <td>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={p.attended ?? false}
                      disabled={p.status !== 'CONFIRMED' || attendState.fetching}
                      onChange={(e) =>
                        void attend({ enrolmentId: p.id, attended: e.target.checked }).then(onChanged)
                      }
                    />
                    <span className="visually-hidden">{name} attended</span>
                  </label>
                </td>
                <td>
                  {p.completedAt ? (
                    <span>
                      Completed <time dateTime={p.completedAt}>{formatDate(p.completedAt)}</time>
                    </span>
                  ) : (
                    p.status === 'CONFIRMED' && (
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={completeState.fetching}
                        onClick={() => void complete({ enrolmentId: p.id }).then(onChanged)}
                      >
                        Complete<span className="visually-hidden"> for {name}</span>
                      </button>
                    )
                  )}
                </td>
                <td>
                  {!p.completedAt && (
                    <ConfirmAction
                      trigger="Remove"
                      triggerLabel={`Remove ${name}`}
                      group={`Remove ${name}`}
                      confirm="Remove participant"
                      busy={removeState.fetching}
                      onConfirm={() => void remove({ enrolmentId: p.id }).then(onChanged)}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </div>
  );
}

/** The programme's certificates, issuing one by hand and revoking one with a reason. */
export function CertificatesPanel({
  programme,
  participants,
  tick,
  onChanged,
}: {
  programme: ProgrammeData;
  participants: ParticipantsBySession;
  tick: number;
  onChanged: () => void;
}) {
  const paged = usePagedQuery({
    query: ProgrammeCertificatesDocument,
    variables: { programmeId: programme.id },
    connection: (data) => data.programmeCertificates,
  });
  useRefetchOn(tick, paged.reload);
  const [issuing, setIssuing] = useState(false);

  return (
    <section className="section training-section" aria-labelledby="certificates-heading">
      <div className="section-head">
        <h2 id="certificates-heading">Certificates</h2>
        {!issuing && (
          <button type="button" className="button-secondary" onClick={() => setIssuing(true)}>
            Issue certificate
          </button>
        )}
      </div>
      {issuing && (
        <IssueCertificateForm
          programme={programme}
          participants={participants}
          onCancel={() => setIssuing(false)}
          onIssued={() => {
            setIssuing(false);
            onChanged();
          }}
        />
      )}
      <PagedStates
        paged={paged}
        loading="Loading certificates…"
        empty="No certificates issued yet."
        more="Show more certificates"
      >
        <Table caption="Certificates of this programme" columns={['Holder', 'Code', 'Status', 'Issued', 'Expires', '']}>
          {paged.nodes.map((c) => (
            <CertificateRow key={c.id} certificate={c} onChanged={onChanged} />
          ))}
        </Table>
      </PagedStates>
    </section>
  );
}

function CertificateRow({ certificate: c, onChanged }: { certificate: CertificateItemFragment; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [state, revoke] = useMutation(RevokeCertificateDocument);
  const holder = c.holder?.displayName ?? 'Someone';
  const reasonId = `revoke-reason-${c.code}`;
  return (
    <tr>
      <td>{holder}</td>
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
      <td>
        {c.status !== 'REVOKED' && (
          <div className="revoke">
            <label htmlFor={reasonId} className="visually-hidden">
              Reason for revoking the certificate of {holder}
            </label>
            <input
              id={reasonId}
              placeholder="Reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <ConfirmAction
              trigger="Revoke"
              triggerLabel={`Revoke the certificate of ${holder}`}
              group={`Revoke the certificate of ${holder}`}
              prompt="The holder loses what it gives access to."
              confirm="Revoke certificate"
              busy={state.fetching}
              onConfirm={() => {
                if (reason.trim() === '') {
                  setProblem('Give a reason for revoking.');
                  return;
                }
                setProblem(null);
                void revoke({ id: c.id, reason: reason.trim() }).then(onChanged);
              }}
            />
            <FormProblem problem={problem} />
            <FormError error={state.error} />
          </div>
        )}
      </td>
    </tr>
  );
}

export function CertificateStatusBadge({ status }: { status: CertificateItemFragment['status'] }) {
  return <span className={`tag certificate-${status.toLowerCase()}`}>{CERTIFICATE_STATUS_LABELS[status]}</span>;
}

function IssueCertificateForm({
  programme,
  participants,
  onCancel,
  onIssued,
}: {
  programme: ProgrammeData;
  participants: ParticipantsBySession;
  onCancel: () => void;
  onIssued: () => void;
}) {
  const learners = new Map<string, string>();
  for (const session of participants.values()) {
    for (const p of session) {
      if (p.learner && p.status !== 'CANCELLED') {
        learners.set(p.learner.id, `${p.learner.displayName} (${p.learner.organization.name})`);
      }
    }
  }
  const [userId, setUserId] = useState('');
  const [expires, setExpires] = useState('');
  const [state, issue] = useMutation(IssueCertificateDocument);
  const error = state.error;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await issue({
      programmeId: programme.id,
      userId,
      expiresAt: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : null,
    });
    if (result.data) onIssued();
  };
  return (
    <form className="subpanel" onSubmit={(e) => void submit(e)} aria-labelledby="issue-certificate-heading">
      <h3 id="issue-certificate-heading">Issue certificate</h3>
      <div className="field">
        <label htmlFor="certificate-holder">Holder</label>
        <select
          id="certificate-holder"
          required
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          {...invalidProps(error, 'userId', 'certificate-holder')}
        >
          <option value="">Choose a participant…</option>
          {[...learners].map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
        <p className="hint">Participants of this programme’s sessions.</p>
        <FieldError error={error} field="userId" inputId="certificate-holder" />
      </div>
      <div className="field">
        <label htmlFor="certificate-expires">Expires (optional; otherwise the programme’s validity)</label>
        <input
          id="certificate-expires"
          type="date"
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
          {...invalidProps(error, 'expiresAt', 'certificate-expires')}
        />
        <FieldError error={error} field="expiresAt" inputId="certificate-expires" />
      </div>
      <FormActions
        state={state}
        submit="Issue certificate"
        submitting="Issuing…"
        onCancel={onCancel}
        fields={['userId', 'expiresAt']}
      />
    </form>
  );
}

