/** Training's words and times: labels, a session's times in its own zone, enrolment sentences. */
import type { CertificateStatus, EnrolmentStatus, ProgrammeFormat, ProgrammeStatus } from '../gql/graphql';

export const PROGRAMME_FORMAT_LABELS: Readonly<Record<ProgrammeFormat, string>> = {
  E_LEARNING: 'E-learning',
  CLASSROOM: 'Classroom',
  WORKSHOP: 'Workshop',
  CERTIFICATION: 'Certification',
};

export const PROGRAMME_STATUS_LABELS: Readonly<Record<ProgrammeStatus, string>> = {
  DRAFT: 'Draft',
  OPEN: 'Open',
  CLOSED: 'Closed',
};

export const CERTIFICATE_STATUS_LABELS: Readonly<Record<CertificateStatus, string>> = {
  VALID: 'Valid',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

/** A language's name from its ISO 639-1 code ("en" → "English"), else the code itself. */
export function languageName(code: string, locale = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Whether `timeZone` is an IANA zone this browser knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function zoneOrUtc(timeZone: string): string {
  return isTimeZone(timeZone) ? timeZone : 'UTC';
}

function dayKey(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/**
 * From `startsAt` to `endsAt` as the clock shows it in `timeZone`: "12 Mar 2027, 09:00–17:00"
 * on one day, both dates otherwise. An unknown zone is shown as UTC.
 */
export function formatRangeInZone(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  locale?: string,
): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const zone = zoneOrUtc(timeZone);
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  if (dayKey(start, zone) === dayKey(end, zone)) {
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone });
    return `${full.format(start)} – ${time.format(end)}`;
  }
  return `${full.format(start)} – ${full.format(end)}`;
}

/** A session's times in its own zone, and the same instants in UTC. */
export function sessionTimes(
  session: { readonly startsAt: string; readonly endsAt: string; readonly timeZone: string },
  locale?: string,
): { local: string; zone: string; utc: string } {
  return {
    local: formatRangeInZone(session.startsAt, session.endsAt, session.timeZone, locale),
    zone: zoneOrUtc(session.timeZone),
    utc: `${formatRangeInZone(session.startsAt, session.endsAt, 'UTC', locale)} UTC`,
  };
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (ISO, UTC) at which clocks in `timeZone` show `wallTime` (`YYYY-MM-DDTHH:mm`, as
 * a `datetime-local` input gives it); `null` when it is not a time or the zone is unknown.
 */
export function zonedWallTimeToUtc(wallTime: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallTime);
  if (!match || !isTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(wall)) return null;
  // Twice: the offset at the first guess may differ from the one at the answer (a DST change).
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The browser's own time zone, the default for a new session. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export interface EnrolmentLike {
  readonly status: EnrolmentStatus;
  readonly waitingListPosition?: number | null;
}

/** Where the viewer stands in a session, in a sentence. */
export function enrolmentText(enrolment: EnrolmentLike | null | undefined): string {
  if (!enrolment) return 'Not enrolled';
  switch (enrolment.status) {
    case 'CONFIRMED':
      return 'You have a seat';
    case 'WAITLISTED':
      return enrolment.waitingListPosition
        ? `Waiting list position ${enrolment.waitingListPosition}`
        : 'On the waiting list';
    case 'CANCELLED':
      return 'Enrolment cancelled';
  }
}

/** Where a participant stands, for the provider's list. */
export function participantText(enrolment: EnrolmentLike): string {
  switch (enrolment.status) {
    case 'CONFIRMED':
      return 'Seat';
    case 'WAITLISTED':
      return enrolment.waitingListPosition
        ? `Waiting list (${enrolment.waitingListPosition})`
        : 'Waiting list';
    case 'CANCELLED':
      return 'Cancelled';
  }
}

/** Whether the viewer may still cancel (they hold a seat or wait for one). */
export function isActiveEnrolment(enrolment: EnrolmentLike | null | undefined): boolean {
  return enrolment?.status === 'CONFIRMED' || enrolment?.status === 'WAITLISTED';
}

/**
 * The sessions in which the viewer moved from the waiting list to a seat between two answers
 * of the programme query (`before` and `after` map a session id to the viewer's status).
 */
export function promotedSessions(
  before: ReadonlyMap<string, EnrolmentStatus | undefined>,
  after: ReadonlyMap<string, EnrolmentStatus | undefined>,
): string[] {
  return [...after].filter(([id, status]) => status === 'CONFIRMED' && before.get(id) === 'WAITLISTED').map(([id]) => id);
}

/** "Seats free 1 of 2", and the waiting list when there is one. */
export function seatsText(session: {
  readonly capacity: number;
  readonly seatsFree: number;
  readonly waitingListLength: number;
}): string {
  const free = `${session.seatsFree} of ${session.capacity} seats free`;
  return session.waitingListLength > 0 ? `${free}, ${session.waitingListLength} waiting` : free;
}
