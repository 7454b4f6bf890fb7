import type { AdvisoryStatus, Severity } from '../gql/graphql';
import { SEVERITY_LABELS, STATUS_LABELS } from './labels';

/** The workflow state, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: AdvisoryStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{STATUS_LABELS[status]}</span>;
}

export function SeverityBadge({ severity, score }: { severity: Severity; score?: number | null }) {
  return (
    <span className={`badge severity-${severity.toLowerCase()}`}>
      Severity: {SEVERITY_LABELS[severity]}
      {typeof score === 'number' ? ` (CVSS ${score.toFixed(1)})` : ''}
    </span>
  );
}
