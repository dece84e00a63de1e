/**
 * Date handling shared by the parsers and the SQL compiler. The emulator stores every
 * date and date-time as `YYYY-MM-DDTHH:MM:SSZ` (UTC, no milliseconds), so literals are
 * normalised to exactly that form and then compared as strings.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Normalises `2024-05-31`, `2024-05-31T10:00`, `2024-05-31T10:00:00.123`, with or without
 * `Z` or an offset, to `2024-05-31T10:00:00Z`; returns null for anything else (including
 * impossible dates such as `2024-02-30`). A value without a zone is taken as UTC, which is
 * how SharePoint REST reads `datetime'…'` literals.
 */
export function normalizeDateTime(text: string): string | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', , zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  let millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2024-02-30 over to March; a round trip catches impossible days.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    millis -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return formatUtc(millis);
}

/** `today` (yyyy-mm-dd) plus `offsetDays`, as `YYYY-MM-DDT00:00:00Z`. */
export function todayPlus(today: string, offsetDays: number): string {
  const base = normalizeDateTime(today);
  if (base === null) throw new Error(`'today' is not a date: '${today}' (expected yyyy-mm-dd)`);
  return formatUtc(Date.parse(base) + offsetDays * 86_400_000).slice(0, 10) + 'T00:00:00Z';
}

function formatUtc(millis: number): string {
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
