import { type Draft, draftFrom } from '../../advisories/fields';
import type { AdvisoryRevisionContentFragment } from '../../gql/graphql';

/** The editor's draft of a revision; its indicators only when the list is loaded whole. */
export function draftOf(revision: AdvisoryRevisionContentFragment): Draft {
  const loaded = revision.indicators.nodes;
  return draftFrom(revision, loaded.length >= revision.indicatorCount ? loaded : null);
}

export interface Base {
  /** The revision the draft started from: `expectedRevision` of the next save. */
  readonly number: number;
  readonly draft: Draft;
  readonly author: AdvisoryRevisionContentFragment['author'];
}

export function baseOf(revision: AdvisoryRevisionContentFragment): Base {
  return { number: revision.number, draft: draftOf(revision), author: revision.author };
}
