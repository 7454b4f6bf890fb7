import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Tlp } from '../gql/graphql';
import { TLP_STYLES, TlpBadge, tlpsFrom } from './TlpBadge';

describe('TlpBadge', () => {
  it.each([
    ['RED', 'TLP:RED', 'tlp-red', '#FF2B2B'],
    ['AMBER', 'TLP:AMBER', 'tlp-amber', '#FFC000'],
    ['AMBER_STRICT', 'TLP:AMBER+STRICT', 'tlp-amber', '#FFC000'],
    ['GREEN', 'TLP:GREEN', 'tlp-green', '#33FF00'],
    ['CLEAR', 'TLP:CLEAR', 'tlp-clear', '#FFFFFF'],
  ] as const)('%s shows "%s" in its TLP 2.0 colour', (tlp, label, className, color) => {
    render(<TlpBadge tlp={tlp} />);
    const badge = screen.getByText(label);
    expect(badge).toHaveProperty('className', `tlp ${className}`);
    expect(TLP_STYLES[tlp].color).toBe(color);
  });

  it('offers only markings at least as strict as the floor', () => {
    expect(tlpsFrom('CLEAR')).toEqual<Tlp[]>(['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED']);
    expect(tlpsFrom('AMBER')).toEqual<Tlp[]>(['AMBER', 'AMBER_STRICT', 'RED']);
    expect(tlpsFrom('RED')).toEqual<Tlp[]>(['RED']);
  });
});
