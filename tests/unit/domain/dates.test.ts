import { addDays, compareIsoDates, dateOfInstant, daysBetween, isIsoDate, isIsoDateTime, toIsoDate, toUtcDateTime } from '../../../src/domain/dates';

describe('dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-24', 7)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-24', 0)).toBe('2026-11-24');
  });

  it('adds days without drifting over the clocks going back (last Sunday of October)', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('counts whole days between dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-11-24', '2026-11-24')).toBe(0);
    expect(daysBetween('2026-11-23', '2026-11-24')).toBe(1);
    expect(daysBetween('2026-11-24', '2026-11-23')).toBe(-1);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  it('compares dates in calendar order', () => {
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBeLessThan(0);
    expect(compareIsoDates('2026-01-02', '2026-01-01')).toBeGreaterThan(0);
    expect(compareIsoDates('2026-01-01', '2026-01-01')).toBe(0);
  });

  it('rejects text that is not a real date', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('31/05/2024')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(() => addDays('May-21', 1)).toThrow("'May-21' is not a date in the form yyyy-mm-dd.");
    expect(() => compareIsoDates('2026-01-01', 'soon')).toThrow('soon');
  });

  it('takes the London date of an instant, in summer time and in winter', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST, UTC+1).
    expect(toIsoDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    // In winter London is on UTC.
    expect(toIsoDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-24');
    expect(toIsoDate(new Date('2026-11-24T23:30:00Z'), 'Pacific/Auckland')).toBe('2026-11-25');
    expect(dateOfInstant('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(() => toIsoDate(new Date('nonsense'))).toThrow('invalid time');
  });

  it('recognises instants with a zone and writes them as SharePoint stores them', () => {
    expect(isIsoDateTime('2026-11-24T09:00:00Z')).toBe(true);
    expect(isIsoDateTime('2026-11-24T09:00:00.123+01:00')).toBe(true);
    expect(isIsoDateTime('2026-11-24T09:00:00')).toBe(false);
    expect(isIsoDateTime('2026-11-24')).toBe(false);
    expect(toUtcDateTime('2026-06-01T10:00:00.500+01:00')).toBe('2026-06-01T09:00:00Z');
    expect(() => toUtcDateTime('yesterday')).toThrow("'yesterday' is not a date and time");
  });
});
