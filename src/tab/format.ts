import type { IsoDate, IsoDateTime } from '../domain/plan-item';
import { formatUkDate, formatUkDateTime } from '../domain/uk-dates';

/**
 * Dates shown in the tab. Plan Tracker's users are UK public bodies, so every date reads
 * dd/MM/yyyy whatever the browser's language; `_locale` is kept so callers need not change.
 */

/** `2024-05-31` → "31/05/2024"; empty for no date. */
export function formatDate(date: IsoDate | null | undefined, _locale?: string): string {
  return formatUkDate(date);
}

/** An instant in the user's zone, e.g. "24/11/2026, 09:00". */
export function formatDateTime(instant: IsoDateTime | null | undefined, _locale?: string): string {
  return formatUkDateTime(instant);
}

/** Today as a calendar date in the browser's zone (the user's "today"). */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
