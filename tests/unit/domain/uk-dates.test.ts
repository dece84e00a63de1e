import { formatUkDate, formatUkDateTime, isoOfLocalDate, localDateOf, parseUkDate } from '../../../src/domain/uk-dates';

describe('uk-dates', () => {
  it('writes a calendar date day first with two-digit day and month', () => {
    expect(formatUkDate('2027-03-31')).toBe('31/03/2027');
    expect(formatUkDate('2024-05-01T00:00:00Z')).toBe('01/05/2024');
    expect(formatUkDate(null)).toBe('');
    expect(formatUkDate('soon')).toBe('soon');
  });

  it('writes an instant in the given zone, day first, 24-hour clock', () => {
    expect(formatUkDateTime('2026-07-01T08:05:00Z', 'Europe/London')).toBe('01/07/2026, 09:05');
    expect(formatUkDateTime('2026-12-01T23:30:00Z', 'Europe/London')).toBe('01/12/2026, 23:30');
  });

  it('reads day-first dates and refuses impossible ones', () => {
    expect(parseUkDate('31/03/2027')).toBe('2027-03-31');
    expect(parseUkDate(' 3/4/24 ')).toBe('2024-04-03');
    expect(parseUkDate('03.04.2024')).toBe('2024-04-03');
    expect(parseUkDate('30/02/2024')).toBeNull();
    expect(parseUkDate('2024-04-03')).toBeNull();
    expect(parseUkDate('')).toBeNull();
  });

  it('round-trips a calendar pick through local midnight', () => {
    expect(isoOfLocalDate(localDateOf('2026-03-29'))).toBe('2026-03-29');
  });
});
