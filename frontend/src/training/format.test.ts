import { describe, expect, it } from 'vitest';
import {
  enrolmentText,
  formatRangeInZone,
  participantText,
  promotedSessions,
  seatsText,
  sessionTimes,
  zonedWallTimeToUtc,
} from './format';

describe('formatRangeInZone', () => {
  it('shows the clock of the session’s zone, one date for one day', () => {
    // 08:00–16:00 UTC is 09:00–17:00 in Amsterdam in winter.
    expect(formatRangeInZone('2027-01-12T08:00:00Z', '2027-01-12T16:00:00Z', 'Europe/Amsterdam', 'en-GB')).toBe(
      '12 Jan 2027, 09:00 – 17:00',
    );
  });

  it('shows both dates only when the session ends on another day there', () => {
    expect(formatRangeInZone('2027-01-12T20:00:00Z', '2027-01-13T02:00:00Z', 'America/New_York', 'en-GB')).toBe(
      '12 Jan 2027, 15:00 – 21:00',
    );
    expect(formatRangeInZone('2027-01-12T20:00:00Z', '2027-01-13T02:00:00Z', 'Asia/Tokyo', 'en-GB')).toBe(
      '13 Jan 2027, 05:00 – 11:00',
    );
    expect(formatRangeInZone('2027-01-12T20:00:00Z', '2027-01-13T02:00:00Z', 'UTC', 'en-GB')).toBe(
      '12 Jan 2027, 20:00 – 13 Jan 2027, 02:00',
    );
  });

  it('falls back to UTC for a zone the browser does not know', () => {
    expect(formatRangeInZone('2027-01-12T08:00:00Z', '2027-01-12T09:00:00Z', 'Mars/Olympus', 'en-GB')).toBe(
      '12 Jan 2027, 08:00 – 09:00',
    );
  });
});

describe('sessionTimes', () => {
  it('gives the local times, the zone and the UTC instants', () => {
    expect(
      sessionTimes({ startsAt: '2027-07-01T07:00:00Z', endsAt: '2027-07-01T15:00:00Z', timeZone: 'Europe/Amsterdam' }, 'en-GB'),
    ).toEqual({
      local: '1 Jul 2027, 09:00 – 17:00',
      zone: 'Europe/Amsterdam',
      utc: '1 Jul 2027, 07:00 – 15:00 UTC',
    });
  });
});

describe('zonedWallTimeToUtc', () => {
  it('turns a wall-clock time of a zone into the instant', () => {
    expect(zonedWallTimeToUtc('2027-01-12T09:00', 'Europe/Amsterdam')).toBe('2027-01-12T08:00:00.000Z');
    expect(zonedWallTimeToUtc('2027-07-12T09:00', 'Europe/Amsterdam')).toBe('2027-07-12T07:00:00.000Z');
    expect(zonedWallTimeToUtc('2027-07-12T09:00', 'America/New_York')).toBe('2027-07-12T13:00:00.000Z');
    expect(zonedWallTimeToUtc('2027-07-12T09:00', 'UTC')).toBe('2027-07-12T09:00:00.000Z');
  });

  it('handles the day clocks change', () => {
    // Amsterdam moves to summer time at 02:00 on 28 March 2027; 03:30 is already CEST.
    expect(zonedWallTimeToUtc('2027-03-28T03:30', 'Europe/Amsterdam')).toBe('2027-03-28T01:30:00.000Z');
    expect(zonedWallTimeToUtc('2027-03-28T01:30', 'Europe/Amsterdam')).toBe('2027-03-28T00:30:00.000Z');
  });

  it('refuses what is not a time or not a zone', () => {
    expect(zonedWallTimeToUtc('', 'UTC')).toBeNull();
    expect(zonedWallTimeToUtc('2027-07-12T09:00', 'Nowhere/Else')).toBeNull();
  });
});

describe('enrolment sentences', () => {
  it('says where the viewer stands', () => {
    expect(enrolmentText(null)).toBe('Not enrolled');
    expect(enrolmentText({ status: 'CONFIRMED', waitingListPosition: null })).toBe('You have a seat');
    expect(enrolmentText({ status: 'WAITLISTED', waitingListPosition: 3 })).toBe('Waiting list position 3');
    expect(enrolmentText({ status: 'WAITLISTED', waitingListPosition: null })).toBe('On the waiting list');
    expect(enrolmentText({ status: 'CANCELLED' })).toBe('Enrolment cancelled');
  });

  it('says where a participant stands', () => {
    expect(participantText({ status: 'CONFIRMED' })).toBe('Seat');
    expect(participantText({ status: 'WAITLISTED', waitingListPosition: 1 })).toBe('Waiting list (1)');
    expect(participantText({ status: 'CANCELLED' })).toBe('Cancelled');
  });

  it('counts seats and the waiting list', () => {
    expect(seatsText({ capacity: 2, seatsFree: 1, waitingListLength: 0 })).toBe('1 of 2 seats free');
    expect(seatsText({ capacity: 2, seatsFree: 0, waitingListLength: 1 })).toBe('0 of 2 seats free, 1 waiting');
  });

  it('finds the sessions where the viewer moved up from the waiting list', () => {
    const before = new Map([
      ['a', 'WAITLISTED' as const],
      ['b', 'WAITLISTED' as const],
      ['c', 'CONFIRMED' as const],
    ]);
    const after = new Map([
      ['a', 'CONFIRMED' as const],
      ['b', 'WAITLISTED' as const],
      ['c', 'CONFIRMED' as const],
      ['d', 'CONFIRMED' as const],
    ]);
    expect(promotedSessions(before, after)).toEqual(['a']);
  });
});
