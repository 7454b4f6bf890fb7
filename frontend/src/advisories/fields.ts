/**
 * An advisory's content as the editor holds it (a draft), how it compares with a revision,
 * and the `AdvisoryChangesInput` of a save: only the fields that differ from the revision
 * the draft started from, so a save never overwrites a field nobody touched.
 */
import type { AdvisoryChangesInput, IndicatorKind, Severity, Tlp } from '../gql/graphql';
import { INDICATOR_KIND_LABELS, SEVERITY_LABELS } from './labels';
import { tlpLabel } from '../components/TlpBadge';

/** The content fields, in the server's order (also the fields review comments name). */
export const FIELDS = [
  'title',
  'summary',
  'body',
  'severity',
  'cvssVector',
  'tlp',
  'cves',
  'affectedProducts',
  'indicators',
  'recommendations',
  'references',
  'credits',
] as const;

export type Field = (typeof FIELDS)[number];

export const FIELD_LABELS: Readonly<Record<Field, string>> = {
  title: 'Title',
  summary: 'Summary',
  body: 'Body',
  severity: 'Severity',
  cvssVector: 'CVSS 3.1 vector',
  tlp: 'TLP',
  cves: 'CVE ids',
  affectedProducts: 'Affected products',
  indicators: 'Indicators',
  recommendations: 'Recommendations',
  references: 'References',
  credits: 'Credits',
};

export function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

export function fieldLabel(name: string): string {
  return isField(name) ? FIELD_LABELS[name] : name;
}

export interface ProductRow {
  readonly vendor: string;
  readonly product: string;
  readonly versions: string;
}

export interface IndicatorRow {
  readonly kind: IndicatorKind;
  readonly value: string;
}

/**
 * The editable content. The lists people type (CVE ids, references, credits) are kept as
 * the text typed, one entry per line; `indicators` is null while the revision's list is not
 * loaded whole (it is then never sent).
 */
export interface Draft {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly severity: Severity;
  readonly cvssVector: string;
  readonly tlp: Tlp;
  readonly cves: string;
  readonly affectedProducts: readonly ProductRow[];
  readonly indicators: readonly IndicatorRow[] | null;
  readonly recommendations: string;
  readonly references: string;
  readonly credits: string;
}

/** What the editor reads of a revision. */
export interface RevisionContent {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly severity: Severity;
  readonly cvssVector?: string | null;
  readonly tlp: Tlp;
  readonly cves: readonly string[];
  readonly affectedProducts: readonly ProductRow[];
  readonly recommendations: string;
  readonly references: readonly string[];
  readonly credits: readonly string[];
}

export function draftFrom(
  revision: RevisionContent,
  indicators: readonly IndicatorRow[] | null,
): Draft {
  return {
    title: revision.title,
    summary: revision.summary,
    body: revision.body,
    severity: revision.severity,
    cvssVector: revision.cvssVector ?? '',
    tlp: revision.tlp,
    cves: revision.cves.join('\n'),
    affectedProducts: revision.affectedProducts.map(({ vendor, product, versions }) => ({
      vendor,
      product,
      versions,
    })),
    indicators: indicators?.map(({ kind, value }) => ({ kind, value })) ?? null,
    recommendations: revision.recommendations,
    references: revision.references.join('\n'),
    credits: revision.credits.join('\n'),
  };
}

/** One entry per line (and, for CVE ids, per comma or space), blanks left out. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function splitCves(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((cve) => cve.trim())
    .filter((cve) => cve !== '');
}

function trimProducts(rows: readonly ProductRow[]): ProductRow[] {
  return rows
    .map((r) => ({ vendor: r.vendor.trim(), product: r.product.trim(), versions: r.versions.trim() }))
    .filter((r) => r.vendor !== '' || r.product !== '' || r.versions !== '');
}

/** The value of `field` as the server would take it, for sending and comparing. */
export function fieldValue(draft: Draft, field: Field) {
  switch (field) {
    case 'title':
    case 'summary':
    case 'cvssVector':
      return draft[field].trim();
    case 'body':
    case 'recommendations':
      return draft[field].trimEnd();
    case 'severity':
    case 'tlp':
      return draft[field];
    case 'cves':
      return splitCves(draft.cves);
    case 'references':
      return splitLines(draft.references);
    case 'credits':
      return splitLines(draft.credits);
    case 'affectedProducts':
      return trimProducts(draft.affectedProducts);
    case 'indicators':
      return draft.indicators?.map(({ kind, value }) => ({ kind, value: value.trim() })) ?? null;
  }
}

/** Whether two drafts hold the same value for `field`. */
export function sameValue(a: Draft, b: Draft, field: Field): boolean {
  return JSON.stringify(fieldValue(a, field)) === JSON.stringify(fieldValue(b, field));
}

/** The fields where `draft` differs from `base` (indicators only when both are loaded). */
export function changedFields(base: Draft, draft: Draft): Field[] {
  return FIELDS.filter((field) => {
    if (field === 'indicators' && (base.indicators === null || draft.indicators === null)) {
      return false;
    }
    return !sameValue(base, draft, field);
  });
}

/** The `changes` of a save: the fields of `draft` that differ from `base`, and only those. */
export function changesFrom(base: Draft, draft: Draft): AdvisoryChangesInput {
  const changes: AdvisoryChangesInput = {};
  for (const field of changedFields(base, draft)) {
    switch (field) {
      case 'title':
      case 'summary':
      case 'body':
      case 'recommendations':
        changes[field] = fieldValue(draft, field) as string;
        break;
      case 'cvssVector': {
        const vector = draft.cvssVector.trim();
        changes.cvssVector = vector === '' ? null : vector;
        break;
      }
      case 'severity':
        changes.severity = draft.severity;
        break;
      case 'tlp':
        changes.tlp = draft.tlp;
        break;
      case 'cves':
        changes.cves = splitCves(draft.cves);
        break;
      case 'references':
        changes.references = splitLines(draft.references);
        break;
      case 'credits':
        changes.credits = splitLines(draft.credits);
        break;
      case 'affectedProducts':
        changes.affectedProducts = trimProducts(draft.affectedProducts);
        break;
      case 'indicators':
        changes.indicators = fieldValue(draft, 'indicators') as IndicatorRow[];
        break;
    }
  }
  return changes;
}

/** `field` of `draft` as text, for showing two versions side by side. */
export function fieldText(draft: Draft, field: Field): string {
  switch (field) {
    case 'severity':
      return SEVERITY_LABELS[draft.severity];
    case 'tlp':
      return tlpLabel(draft.tlp);
    case 'affectedProducts':
      return trimProducts(draft.affectedProducts)
        .map((p) => [p.vendor, p.product, p.versions].filter(Boolean).join(' — '))
        .join('\n');
    case 'indicators':
      return (
        draft.indicators?.map((i) => `${INDICATOR_KIND_LABELS[i.kind]} ${i.value}`).join('\n') ?? ''
      );
    case 'cves':
      return splitCves(draft.cves).join('\n');
    case 'references':
    case 'credits':
      return splitLines(draft[field]).join('\n');
    default:
      return fieldValue(draft, field) as string;
  }
}

/** `draft` with `field` taken from `source`. */
export function withField(draft: Draft, source: Draft, field: Field): Draft {
  return { ...draft, [field]: source[field] };
}
