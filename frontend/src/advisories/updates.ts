/**
 * What the advisory page says about a live change (`advisoryUpdated`): who did what, named by
 * the event's `actor`. The viewer's own changes (from this tab or another) say nothing; the
 * page reloads for them all the same. Readers outside the workspace get no actor (and only
 * status changes), so those sentences name nobody.
 */
import type { AdvisoryStatus, AdvisoryUpdateKind } from '../gql/graphql';
import { nameWithOrganization } from '../lib/labels';
import { STATUS_LABELS } from './labels';

export interface AdvisoryUpdateInput {
  readonly kind: AdvisoryUpdateKind;
  readonly actor?: {
    readonly id: string;
    readonly displayName: string;
    readonly organization: { readonly name: string };
  } | null;
  /** The advisory as it is now (when the event is delivered). */
  readonly advisory: {
    readonly revision: number;
    readonly status: AdvisoryStatus;
    readonly reference?: string | null;
  };
}

/** The sentence for a live update, or `null` when the viewer made the change. */
export function describeUpdate(update: AdvisoryUpdateInput, viewerId: string): string | null {
  const { actor, advisory } = update;
  if (actor?.id === viewerId) return null;
  const who = actor ? nameWithOrganization(actor) : null;
  const revision = `revision ${String(advisory.revision)}`;
  switch (update.kind) {
    case 'REVISION_SAVED':
      return who ? `${who} saved ${revision}.` : `Revision ${String(advisory.revision)} was saved.`;
    case 'AUTHORS_CHANGED':
      return who ? `${who} changed the authors.` : 'The authors changed.';
    case 'COMMENTED':
      return who ? `${who} added or resolved a review comment.` : 'The review comments changed.';
    case 'SIGNED_OFF':
      return who ? `${who} signed off ${revision}.` : `An organisation signed off ${revision}.`;
    case 'STATUS_CHANGED':
      return describeStatus(who, advisory);
  }
}

function describeStatus(who: string | null, advisory: AdvisoryUpdateInput['advisory']): string {
  switch (advisory.status) {
    case 'PUBLISHED': {
      const as = advisory.reference ? ` as ${advisory.reference}` : '';
      return who ? `${who} published the advisory${as}.` : `The advisory was published${as}.`;
    }
    case 'WITHDRAWN':
      return who ? `${who} withdrew the advisory.` : 'The advisory was withdrawn.';
    default: {
      const status = STATUS_LABELS[advisory.status];
      return who ? `${who} changed the status to ${status}.` : `The status changed to ${status}.`;
    }
  }
}

/** How many live notices the page keeps on screen at once (one change may send several). */
export const MAX_NOTICES = 3;

/** The notices on screen after `text` arrives: appended, the oldest dropped beyond the cap. */
export function addNotice<T>(notices: readonly T[], notice: T, max = MAX_NOTICES): T[] {
  return [...notices, notice].slice(-max);
}
