/** How the advisory and alert enums of the schema read on screen. */
import type {
  AdvisoryStatus,
  AlertAudience,
  Audience,
  IndicatorKind,
  IndicatorLineOutcome,
  Severity,
} from '../gql/graphql';

/** Least to most severe, as the schema orders them. */
export const SEVERITIES: readonly Severity[] = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  INFORMATIONAL: 'Informational',
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const STATUS_LABELS: Readonly<Record<AdvisoryStatus, string>> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  PUBLISHED: 'Published',
  WITHDRAWN: 'Withdrawn',
};

export const AUDIENCES: readonly Audience[] = ['PUBLIC', 'MEMBERS', 'LAW_ENFORCEMENT'];

export const AUDIENCE_LABELS: Readonly<Record<Audience, string>> = {
  PUBLIC: 'Public — anyone, without signing in',
  MEMBERS: 'Members — every verified organisation',
  LAW_ENFORCEMENT: 'Law enforcement — law-enforcement organisations and international bodies',
};

/** The short form, for badges and meta lines. */
export const AUDIENCE_SHORT: Readonly<Record<Audience, string>> = {
  PUBLIC: 'Public',
  MEMBERS: 'Members',
  LAW_ENFORCEMENT: 'Law enforcement',
};

export const ALERT_AUDIENCE_LABELS: Readonly<Record<AlertAudience, string>> = {
  PUBLIC: 'Public',
  LAW_ENFORCEMENT: 'Law enforcement',
};

export const INDICATOR_KINDS: readonly IndicatorKind[] = [
  'IPV_4',
  'IPV_6',
  'DOMAIN',
  'URL',
  'EMAIL',
  'MD_5',
  'SHA_1',
  'SHA_256',
  'CVE',
];

export const INDICATOR_KIND_LABELS: Readonly<Record<IndicatorKind, string>> = {
  IPV_4: 'IPv4',
  IPV_6: 'IPv6',
  DOMAIN: 'Domain',
  URL: 'URL',
  EMAIL: 'Email',
  MD_5: 'MD5',
  SHA_1: 'SHA-1',
  SHA_256: 'SHA-256',
  CVE: 'CVE',
};

export const LINE_OUTCOME_LABELS: Readonly<Record<IndicatorLineOutcome, string>> = {
  ACCEPTED: 'Accepted',
  DUPLICATE: 'Duplicate',
  REJECTED: 'Rejected',
};
