/**
 * Which audiences an advisory may be published to, by its TLP (TLP 2.0, as the server's
 * access policy decides): `PUBLIC` only from `CLEAR`; `MEMBERS` and `LAW_ENFORCEMENT` from
 * `CLEAR` or `GREEN`; nothing from `AMBER`, `AMBER_STRICT` or `RED`.
 */
import { tlpLabel } from '../components/TlpBadge';
import type { Audience, Tlp } from '../gql/graphql';
import { AUDIENCES } from './labels';

export interface AudienceChoice {
  readonly audience: Audience;
  readonly fits: boolean;
  /** Why it does not fit, as a sentence; null when it does. */
  readonly reason: string | null;
}

export function audienceFitsTlp(tlp: Tlp, audience: Audience): boolean {
  if (audience === 'PUBLIC') return tlp === 'CLEAR';
  return tlp === 'CLEAR' || tlp === 'GREEN';
}

/** Why `audience` does not fit `tlp`, or null when it does. */
export function audienceRefusal(tlp: Tlp, audience: Audience): string | null {
  if (audienceFitsTlp(tlp, audience)) return null;
  if (tlp !== 'CLEAR' && tlp !== 'GREEN') {
    return `A ${tlpLabel(tlp)} advisory is never published.`;
  }
  return `Only a TLP:CLEAR advisory is published to the public; this one is ${tlpLabel(tlp)}.`;
}

/** Every audience, in order, each with whether it fits the TLP and why not. */
export function audienceChoices(tlp: Tlp): AudienceChoice[] {
  return AUDIENCES.map((audience) => {
    const reason = audienceRefusal(tlp, audience);
    return { audience, fits: reason === null, reason };
  });
}

/** The widest audience that fits, to preselect; null when none does. */
export function defaultAudience(tlp: Tlp): Audience | null {
  return audienceChoices(tlp).find((c) => c.fits)?.audience ?? null;
}
