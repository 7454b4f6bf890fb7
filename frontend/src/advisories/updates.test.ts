import { describe, expect, it } from 'vitest';
import { addNotice, type AdvisoryUpdateInput, describeUpdate } from './updates';

const VIEWER = 'user-analyst';
const rosa = { id: 'user-rosa', displayName: 'Rosa Researcher', organization: { name: 'Sentinel Threat Research' } };
const ROSA = 'Rosa Researcher (Sentinel Threat Research)';

const update = (
  kind: AdvisoryUpdateInput['kind'],
  actor: AdvisoryUpdateInput['actor'],
  advisory: Partial<AdvisoryUpdateInput['advisory']> = {},
): AdvisoryUpdateInput => ({
  kind,
  actor,
  advisory: { revision: 4, status: 'DRAFT', reference: null, ...advisory },
});

describe('describeUpdate', () => {
  it('names the actor for every kind of change', () => {
    expect(describeUpdate(update('REVISION_SAVED', rosa), VIEWER)).toBe(`${ROSA} saved revision 4.`);
    expect(describeUpdate(update('AUTHORS_CHANGED', rosa), VIEWER)).toBe(`${ROSA} changed the authors.`);
    expect(describeUpdate(update('COMMENTED', rosa), VIEWER)).toBe(`${ROSA} added or resolved a review comment.`);
    expect(describeUpdate(update('SIGNED_OFF', rosa, { status: 'IN_REVIEW' }), VIEWER)).toBe(
      `${ROSA} signed off revision 4.`,
    );
    expect(describeUpdate(update('STATUS_CHANGED', rosa, { status: 'IN_REVIEW' }), VIEWER)).toBe(
      `${ROSA} changed the status to In review.`,
    );
    expect(describeUpdate(update('STATUS_CHANGED', rosa, { status: 'APPROVED' }), VIEWER)).toBe(
      `${ROSA} changed the status to Approved.`,
    );
    expect(
      describeUpdate(update('STATUS_CHANGED', rosa, { status: 'PUBLISHED', reference: 'AH-2026-0007' }), VIEWER),
    ).toBe(`${ROSA} published the advisory as AH-2026-0007.`);
    expect(describeUpdate(update('STATUS_CHANGED', rosa, { status: 'WITHDRAWN' }), VIEWER)).toBe(
      `${ROSA} withdrew the advisory.`,
    );
  });

  it('says nothing about the viewer’s own changes, whatever their kind and however late they arrive', () => {
    const me = { ...rosa, id: VIEWER };
    for (const kind of ['REVISION_SAVED', 'AUTHORS_CHANGED', 'COMMENTED', 'SIGNED_OFF', 'STATUS_CHANGED'] as const) {
      expect(describeUpdate(update(kind, me), VIEWER)).toBeNull();
    }
  });

  it('names nobody when there is no actor (readers outside the workspace)', () => {
    expect(describeUpdate(update('STATUS_CHANGED', null, { status: 'WITHDRAWN' }), VIEWER)).toBe(
      'The advisory was withdrawn.',
    );
    expect(
      describeUpdate(update('STATUS_CHANGED', null, { status: 'PUBLISHED', reference: 'AH-2026-0007' }), VIEWER),
    ).toBe('The advisory was published as AH-2026-0007.');
    expect(describeUpdate(update('REVISION_SAVED', null), VIEWER)).toBe('Revision 4 was saved.');
    expect(describeUpdate(update('SIGNED_OFF', undefined), VIEWER)).toBe('An organisation signed off revision 4.');
    expect(describeUpdate(update('COMMENTED', null), VIEWER)).toBe('The review comments changed.');
    expect(describeUpdate(update('AUTHORS_CHANGED', null), VIEWER)).toBe('The authors changed.');
  });
});

describe('addNotice', () => {
  it('keeps the newest notices, in order of arrival', () => {
    expect(addNotice([], 'a')).toEqual(['a']);
    expect(addNotice(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(addNotice(['a', 'b', 'c'], 'd')).toEqual(['b', 'c', 'd']);
    expect(addNotice(['a', 'b'], 'c', 2)).toEqual(['b', 'c']);
  });
});
