import type { IsoDate, IsoDateTime } from '../domain/plan-item';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, withTime
        ? { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }
        // Date-only values are calendar dates: format them in UTC so no zone shifts the day.
        : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    } catch {
      format = dateFormat('en-GB', withTime);
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** `2024-05-31` → "31 May 2024" in en-GB; empty for no date. */
export function formatDate(date: IsoDate | null | undefined, locale: string): string {
  if (!date) return '';
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : dateFormat(locale, false).format(parsed);
}

/** An instant in the user's zone and locale, e.g. "24 Nov 2026, 09:00". */
export function formatDateTime(instant: IsoDateTime | null | undefined, locale: string): string {
  if (!instant) return '';
  const parsed = new Date(instant);
  return Number.isNaN(parsed.getTime()) ? instant : dateFormat(locale, true).format(parsed);
}

/** Today as a calendar date in the browser's zone (the user's "today"). */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
