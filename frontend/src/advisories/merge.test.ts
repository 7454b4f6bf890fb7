import { describe, expect, it } from 'vitest';
import { changesFrom, type Draft, draftFrom, fieldText } from './fields';
import { conflicts, mergedDraft, mergeFields, rebase } from './merge';

const base: Draft = draftFrom(
  {
    title: 'Loader campaign',
    summary: 'A loader spreads by mail.',
    body: 'Line one\nLine two',
    severity: 'MEDIUM',
    cvssVector: null,
    tlp: 'CLEAR',
    cves: ['CVE-2026-1000'],
    affectedProducts: [{ vendor: 'Acme', product: 'Mail', versions: '< 2.0' }],
    recommendations: 'Patch.',
    references: ['https://cert.example/a'],
    credits: ['Rosa'],
  },
  [{ kind: 'DOMAIN', value: 'evil.example' }],
);

const stateOf = (merges: ReturnType<typeof mergeFields>, field: string) =>
  merges.find((m) => m.field === field)?.state;

describe('mergeFields', () => {
  it('tells apart fields changed by one side, both alike, and both differently', () => {
    const mine = { ...base, title: 'Mine', summary: 'Same change', body: 'Line one\nMy line' };
    const theirs = { ...base, title: 'Theirs', summary: 'Same change', severity: 'HIGH' as const };
    const merges = mergeFields(base, mine, theirs);
    expect(stateOf(merges, 'title')).toBe('conflict');
    expect(stateOf(merges, 'summary')).toBe('same');
    expect(stateOf(merges, 'body')).toBe('mine');
    expect(stateOf(merges, 'severity')).toBe('theirs');
    expect(stateOf(merges, 'tlp')).toBe('unchanged');
    expect(conflicts(merges)).toEqual(['title']);
  });

  it('compares lists by their entries, not by how they were typed', () => {
    const mine = { ...base, cves: ' CVE-2026-1000 \n\n', references: 'https://cert.example/a\n' };
    expect(conflicts(mergeFields(base, mine, base))).toEqual([]);
    expect(mergeFields(base, mine, base).every((m) => m.state === 'unchanged')).toBe(true);
  });

  it('does not count an indicator list that is not loaded as a change', () => {
    const theirs = { ...base, indicators: null };
    expect(stateOf(mergeFields(base, base, theirs), 'indicators')).toBe('unchanged');
  });
});

describe('mergedDraft', () => {
  const mine = { ...base, title: 'Mine', body: 'Line one\nMy line' };
  const theirs = { ...base, title: 'Theirs', severity: 'HIGH' as const };

  it('keeps the user’s value for a conflict unless told otherwise, and takes their other changes', () => {
    const merged = mergedDraft(base, mine, theirs);
    expect(merged.title).toBe('Mine');
    expect(merged.body).toBe('Line one\nMy line');
    expect(merged.severity).toBe('HIGH');
  });

  it('takes theirs, or an edit, where the user chose so', () => {
    expect(mergedDraft(base, mine, theirs, { title: 'theirs' }).title).toBe('Theirs');
    expect(
      mergedDraft(base, mine, theirs, { title: 'edited' }, { title: 'Mine and theirs' }).title,
    ).toBe('Mine and theirs');
  });

  it('saves against theirs only what differs from theirs', () => {
    const merged = mergedDraft(base, mine, theirs);
    expect(changesFrom(theirs, merged)).toEqual({ title: 'Mine', body: 'Line one\nMy line' });
  });
});

describe('changesFrom', () => {
  it('sends only the changed fields, in the form the API takes', () => {
    const draft: Draft = {
      ...base,
      cvssVector: ' CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H ',
      cves: 'CVE-2026-1000, CVE-2026-2000',
      affectedProducts: [...base.affectedProducts, { vendor: ' Beta ', product: 'Gate', versions: '' }],
      credits: 'Rosa\n\nAnouk',
    };
    expect(changesFrom(base, draft)).toEqual({
      cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      cves: ['CVE-2026-1000', 'CVE-2026-2000'],
      affectedProducts: [
        { vendor: 'Acme', product: 'Mail', versions: '< 2.0' },
        { vendor: 'Beta', product: 'Gate', versions: '' },
      ],
      credits: ['Rosa', 'Anouk'],
    });
  });

  it('clears the CVSS vector with null, and sends nothing when nothing changed', () => {
    const withVector = { ...base, cvssVector: 'CVSS:3.1/AV:N' };
    expect(changesFrom(withVector, base)).toEqual({ cvssVector: null });
    expect(changesFrom(base, { ...base })).toEqual({});
  });

  it('leaves out an indicator list that is not loaded whole', () => {
    expect(changesFrom({ ...base, indicators: null }, { ...base, indicators: null })).toEqual({});
    expect(changesFrom(base, { ...base, indicators: [] })).toEqual({ indicators: [] });
  });
});

describe('rebase', () => {
  it('moves an untouched draft to the new revision and keeps what the user changed', () => {
    const newBase = { ...base, title: 'Server title', summary: 'Server summary' };
    expect(rebase(base, newBase, base)).toEqual(newBase);
    const draft = { ...base, summary: 'Typed meanwhile' };
    expect(rebase(base, newBase, draft)).toEqual({ ...newBase, summary: 'Typed meanwhile' });
  });
});

describe('fieldText', () => {
  it('shows each kind of field as text', () => {
    expect(fieldText(base, 'severity')).toBe('Medium');
    expect(fieldText(base, 'tlp')).toBe('TLP:CLEAR');
    expect(fieldText(base, 'affectedProducts')).toBe('Acme — Mail — < 2.0');
    expect(fieldText(base, 'indicators')).toBe('Domain evil.example');
  });
});
