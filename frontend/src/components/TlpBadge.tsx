import type { Tlp } from '../gql/graphql';

/** TLP 2.0 (FIRST): the label, and the colour its text takes on a black background. */
export const TLP_STYLES: Readonly<Record<Tlp, { label: string; color: string; className: string }>> =
  {
    CLEAR: { label: 'TLP:CLEAR', color: '#FFFFFF', className: 'tlp-clear' },
    GREEN: { label: 'TLP:GREEN', color: '#33FF00', className: 'tlp-green' },
    AMBER: { label: 'TLP:AMBER', color: '#FFC000', className: 'tlp-amber' },
    AMBER_STRICT: { label: 'TLP:AMBER+STRICT', color: '#FFC000', className: 'tlp-amber' },
    RED: { label: 'TLP:RED', color: '#FF2B2B', className: 'tlp-red' },
  };

export const TLP_ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'];

export function tlpLabel(tlp: Tlp): string {
  return TLP_STYLES[tlp].label;
}

/** Markings at least as strict as `floor` (a thread is never marked less strictly than its
 * workspace). */
export function tlpsFrom(floor: Tlp): Tlp[] {
  return TLP_ORDER.slice(TLP_ORDER.indexOf(floor));
}

/** What each marking means, for choosers. */
export const TLP_MEANING: Readonly<Record<Tlp, string>> = {
  CLEAR: 'disclosure is not limited',
  GREEN: 'the community: members of the workspace',
  AMBER: 'members of the workspace, on a need-to-know basis',
  AMBER_STRICT: 'members of the workspace; exports only by the author’s organisation',
  RED: 'only the named recipients',
};

export function TlpBadge({ tlp }: { tlp: Tlp }) {
  const style = TLP_STYLES[tlp];
  return <span className={`tlp ${style.className}`}>{style.label}</span>;
}
