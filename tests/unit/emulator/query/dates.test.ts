import { normalizeDateTime, todayPlus } from '../../../../src/emulator/query';

describe('normalizeDateTime', () => {
  it('normalises dates and date-times to YYYY-MM-DDTHH:MM:SSZ in UTC', () => {
    expect(normalizeDateTime('2024-05-31')).toBe('2024-05-31T00:00:00Z');
    expect(normalizeDateTime('2024-05-31T10:15')).toBe('2024-05-31T10:15:00Z');
    expect(normalizeDateTime('2024-05-31T10:15:30')).toBe('2024-05-31T10:15:30Z');
    expect(normalizeDateTime('2024-05-31T10:15:30.1234567Z')).toBe('2024-05-31T10:15:30Z');
    expect(normalizeDateTime('2024-05-31T00:30:00+01:00')).toBe('2024-05-30T23:30:00Z');
    expect(normalizeDateTime('2024-05-31T23:30:00-0130')).toBe('2024-06-01T01:00:00Z');
  });

  it('rejects text and impossible dates', () => {
    for (const text of ['soon', '31/05/2024', '2024-02-30', '2023-02-29', '2024-13-01', '2024-05-31T24:00:00', '']) {
      expect({ text, value: normalizeDateTime(text) }).toEqual({ text, value: null });
    }
    expect(normalizeDateTime('2024-02-29')).toBe('2024-02-29T00:00:00Z');
  });
});

describe('todayPlus', () => {
  it('adds days across month and year ends', () => {
    expect(todayPlus('2024-05-31', 1)).toBe('2024-06-01T00:00:00Z');
    expect(todayPlus('2024-01-01', -1)).toBe('2023-12-31T00:00:00Z');
    expect(todayPlus('2024-03-01', -30)).toBe('2024-01-31T00:00:00Z');
    expect(todayPlus('2024-06-01', 0)).toBe('2024-06-01T00:00:00Z');
  });

  it('refuses a today that is not a date', () => {
    expect(() => todayPlus('June', 1)).toThrow(/'today' is not a date/);
  });
});
