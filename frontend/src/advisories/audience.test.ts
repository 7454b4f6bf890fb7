import { describe, expect, it } from 'vitest';
import { audienceChoices, audienceFitsTlp, defaultAudience } from './audience';

describe('audienceFitsTlp', () => {
  it.each([
    ['CLEAR', 'PUBLIC', true],
    ['CLEAR', 'MEMBERS', true],
    ['CLEAR', 'LAW_ENFORCEMENT', true],
    ['GREEN', 'PUBLIC', false],
    ['GREEN', 'MEMBERS', true],
    ['GREEN', 'LAW_ENFORCEMENT', true],
    ['AMBER', 'MEMBERS', false],
    ['AMBER_STRICT', 'LAW_ENFORCEMENT', false],
    ['RED', 'PUBLIC', false],
  ] as const)('%s to %s: %s', (tlp, audience, fits) => {
    expect(audienceFitsTlp(tlp, audience)).toBe(fits);
  });
});

describe('audienceChoices', () => {
  it('says why an audience does not fit', () => {
    const green = audienceChoices('GREEN');
    expect(green.map((c) => c.fits)).toEqual([false, true, true]);
    expect(green[0]?.reason).toBe(
      'Only a TLP:CLEAR advisory is published to the public; this one is TLP:GREEN.',
    );
    expect(audienceChoices('AMBER').every((c) => c.reason === 'A TLP:AMBER advisory is never published.')).toBe(
      true,
    );
  });

  it('preselects the widest audience that fits', () => {
    expect(defaultAudience('CLEAR')).toBe('PUBLIC');
    expect(defaultAudience('GREEN')).toBe('MEMBERS');
    expect(defaultAudience('RED')).toBeNull();
  });
});
