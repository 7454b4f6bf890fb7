/**
 * The training catalogue: the programmes the viewer may see, newest first, with filters, and
 * "New programme" (the server lets members of a verified provider organisation create one and
 * says why when it refuses).
 */
import '../../training/training.css';
import { type SubmitEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CheckboxGroup, EnumSelect, FieldError, FormActions, invalidProps } from '../../components/Form';
import { PagedStates } from '../../components/LoadMore';
import type { OrganizationKind, ProgrammeCardFragment, ProgrammeFormat } from '../../gql/graphql';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS } from '../../lib/labels';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { usePagedQuery } from '../../lib/useLoadMore';
import { CreateProgrammeDocument, ProgrammesDocument, ProviderChoicesDocument } from '../../training/documents';
import { languageName, PROGRAMME_FORMAT_LABELS, PROGRAMME_STATUS_LABELS } from '../../training/format';

type FormatFilter = ProgrammeFormat | '';

const FORMAT_FILTER_LABELS: Readonly<Record<FormatFilter, string>> = {
  '': 'Any format',
  ...PROGRAMME_FORMAT_LABELS,
};

export default function TrainingPage() {
  useDocumentTitle('Training');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [format, setFormat] = useState<FormatFilter>('');
  const [providerId, setProviderId] = useState('');
  const [language, setLanguage] = useState('');
  const [withOpenSeats, setWithOpenSeats] = useState(false);
  const [creating, setCreating] = useState(false);
  const [providers] = useQuery({ query: ProviderChoicesDocument });

  const paged = usePagedQuery({
    query: ProgrammesDocument,
    variables: {
      search: search.trim() || null,
      format: format === '' ? null : format,
      providerId: providerId || null,
      language: language.trim().toLowerCase() || null,
      withOpenSeats,
    },
    connection: (data) => data.programmes,
  });
  const filtered = search !== '' || format !== '' || providerId !== '' || language !== '' || withOpenSeats;

  return (
    <div className="page">
      <div className="page-head">
        <h1>Training</h1>
        {!creating && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            New programme
          </button>
        )}
      </div>
      <p className="lede">
        Courses, workshops and certifications offered by the alliance’s members.{' '}
        <Link to={paths.myTraining()}>My training</Link> lists your enrolments and certificates.
      </p>
      {creating && <NewProgrammeForm onCancel={() => setCreating(false)} />}
      <form
        className="training-filters"
        role="search"
        aria-label="Filter programmes"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(searchText);
        }}
      >
        <div className="field">
          <label htmlFor="programme-search">Search programmes</label>
          <div className="search-form">
            <input
              id="programme-search"
              type="search"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
            />
            <button type="submit" className="button-secondary">
              Search
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="programme-format">Format</label>
          <EnumSelect id="programme-format" value={format} onChange={setFormat} labels={FORMAT_FILTER_LABELS} />
        </div>
        <div className="field">
          <label htmlFor="programme-provider">Provider</label>
          <select id="programme-provider" value={providerId} onChange={(e) => setProviderId(e.target.value)}>
            <option value="">{providers.fetching ? 'Loading…' : 'Any provider'}</option>
            {providers.data?.organizations.nodes.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="programme-language">Language (code, e.g. en)</label>
          <input
            id="programme-language"
            maxLength={8}
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={withOpenSeats} onChange={(e) => setWithOpenSeats(e.target.checked)} />
          Only with open seats
        </label>
      </form>
      <PagedStates
        paged={paged}
        loading="Loading programmes…"
        stale={paged.result.stale && paged.nodes.length === 0}
        empty={filtered ? 'No programme matches these filters.' : 'No programmes yet.'}
        more="Show more programmes"
      >
        <ul className="card-list" aria-label="Programmes">
          {paged.nodes.map((p) => (
            <ProgrammeCard key={p.id} programme={p} />
          ))}
        </ul>
      </PagedStates>
    </div>
  );
}

function ProgrammeCard({ programme: p }: { programme: ProgrammeCardFragment }) {
  return (
    <li className="card">
      <div className="card-title-row">
        <h2 className="card-heading">
          <Link to={paths.programme(p.id)}>{p.title}</Link>
        </h2>
        {p.status !== 'OPEN' && <span className="tag">{PROGRAMME_STATUS_LABELS[p.status]}</span>}
      </div>
      <p className="meta">
        <span className="tag">{PROGRAMME_FORMAT_LABELS[p.format]}</span>
        {p.certifying && <span className="tag">Certificate</span>}
        <span>{languageName(p.language)}</span>
        {p.provider && <span>By {p.provider.name}</span>}
        <span>
          For{' '}
          {p.audienceKinds && p.audienceKinds.length > 0
            ? p.audienceKinds.map((k) => ORGANIZATION_KIND_LABELS[k]).join(', ')
            : 'every member'}
        </span>
      </p>
      {p.description && <p className="card-text">{excerpt(p.description)}</p>}
    </li>
  );
}

function excerpt(markdown: string): string {
  const text = markdown.replace(/[#*_`>[\]]/g, '').replace(/\s+/g, ' ').trim();
  return text.length > 220 ? `${text.slice(0, 217)}…` : text;
}

const CREATE_FIELDS = ['title', 'description', 'format', 'language', 'audienceKinds', 'certificateValidDays'];

function NewProgrammeForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [format, setFormat] = useState<ProgrammeFormat>('CLASSROOM');
  const [language, setLanguage] = useState('en');
  const [audience, setAudience] = useState<OrganizationKind[]>([]);
  const [certifying, setCertifying] = useState(false);
  const [validDays, setValidDays] = useState('');
  const [state, create] = useMutation(CreateProgrammeDocument);
  const error = state.error;
  const alwaysCertifying = format === 'CERTIFICATION';

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const days = validDays.trim() === '' ? null : Number(validDays);
    const result = await create({
      input: {
        title,
        description,
        format,
        language: language.trim().toLowerCase(),
        audienceKinds: audience.length > 0 ? audience : null,
        certifying: alwaysCertifying || certifying,
        certificateValidDays: days,
      },
    });
    if (result.data) void navigate(paths.programme(result.data.createProgramme.id));
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="new-programme-heading">
      <h2 id="new-programme-heading">New programme</h2>
      <p className="hint">
        A programme starts as a draft that only your organisation sees; open it when it is ready.
      </p>
      <div className="field">
        <label htmlFor="programme-title">Title</label>
        <input
          id="programme-title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...invalidProps(error, 'title', 'programme-title')}
        />
        <FieldError error={error} field="title" inputId="programme-title" />
      </div>
      <div className="field">
        <label htmlFor="programme-description">Description (Markdown)</label>
        <textarea
          id="programme-description"
          rows={4}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          {...invalidProps(error, 'description', 'programme-description')}
        />
        <FieldError error={error} field="description" inputId="programme-description" />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="new-programme-format">Format</label>
          <EnumSelect id="new-programme-format" value={format} onChange={setFormat} labels={PROGRAMME_FORMAT_LABELS} />
          <FieldError error={error} field="format" inputId="new-programme-format" />
        </div>
        <div className="field">
          <label htmlFor="new-programme-language">Language (ISO 639-1 code)</label>
          <input
            id="new-programme-language"
            required
            maxLength={8}
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
            {...invalidProps(error, 'language', 'new-programme-language')}
          />
          <FieldError error={error} field="language" inputId="new-programme-language" />
        </div>
      </div>
      <fieldset className="field">
        <legend>Audience (none chosen: every member)</legend>
        <CheckboxGroup
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: ORGANIZATION_KIND_LABELS[k] }))}
          selected={audience}
          onChange={setAudience}
        />
        <FieldError error={error} field="audienceKinds" inputId="new-programme-audience" />
      </fieldset>
      <div className="field-row">
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
          <label htmlFor="new-programme-validity">Certificates valid for (days; empty: no expiry)</label>
          <input
            id="new-programme-validity"
            type="number"
            min={1}
            max={3650}
            value={validDays}
            onChange={(e) => setValidDays(e.target.value)}
            {...invalidProps(error, 'certificateValidDays', 'new-programme-validity')}
          />
          <FieldError error={error} field="certificateValidDays" inputId="new-programme-validity" />
        </div>
      </div>
      <FormActions
        state={state}
        submit="Create programme"
        submitting="Creating…"
        onCancel={onCancel}
        fields={CREATE_FIELDS}
      />
    </form>
  );
}
