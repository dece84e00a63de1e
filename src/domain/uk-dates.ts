import { isIsoDate } from './dates';
import type { IsoDate } from './plan-item';

/**
 * The one way dates are written for people: UK day-first `dd/MM/yyyy`, whatever the
 * browser's language (an en-US browser in a UK council still reads UK dates).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `2027-03-31` → `31/03/2027`; empty for no date; text that is not a date is returned as it is. */
export function formatUkDate(date: IsoDate | null | undefined): string {
  if (!date) return '';
  const day = date.slice(0, 10);
  if (!isIsoDate(day)) return date;
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** An instant as `31/03/2027, 09:05` in the given zone (the browser's own when absent). */
export function formatUkDateTime(instant: string | null | undefined, timeZone?: string): string {
  if (!instant) return '';
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  }).formatToParts(parsed);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}, ${part('hour')}:${part('minute')}`;
}

/**
 * What a person typed as a UK date → `yyyy-mm-dd`, or null when it is not a real date.
 * Accepts `31/03/2027`, `31/3/27`, `31-03-2027`, `31.03.2027` (day first, always).
 */
export function parseUkDate(text: string): IsoDate | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const iso = `${year}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`;
  return isIsoDate(iso) ? iso : null;
}

/** A JavaScript Date (a calendar's pick, local midnight) → `yyyy-mm-dd` of that local day. */
export function isoOfLocalDate(date: Date): IsoDate {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `yyyy-mm-dd` → a Date at local midnight of that day, for a calendar to show. */
export function localDateOf(date: IsoDate): Date {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}
