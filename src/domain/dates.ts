import { addDays as addCalendarDays, differenceInCalendarDays, isValid, parseISO } from 'date-fns';
import type { IsoDate, IsoDateTime } from './plan-item';

/**
 * Helpers on calendar dates written `yyyy-mm-dd`. Dates are worked on as UTC midnights
 * so that no host time zone or daylight-saving change can shift a day.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The plans are UK public-sector plans: "today" is the date in London unless told otherwise. */
export const PLAN_TIME_ZONE = 'Europe/London';

function utcMidnight(day: IsoDate): Date {
  if (!isIsoDate(day)) throw new Error(`'${day}' is not a date in the form yyyy-mm-dd.`);
  return new Date(`${day}T00:00:00Z`);
}

/** Whether `text` is a real calendar date written `yyyy-mm-dd` (`2024-02-30` is not). */
export function isIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  // An impossible day such as 2024-02-30 rolls over into March; the round trip catches it.
  return isValid(parsed) && parsed.toISOString().slice(0, 10) === text;
}

/** Whether `text` is an ISO 8601 instant that names its zone (`…Z` or `…+01:00`). */
export function isIsoDateTime(text: unknown): text is IsoDateTime {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) return false;
  return isValid(parseISO(text)) && isIsoDate(text.slice(0, 10));
}

/** The date `days` days after `day` (negative goes back). */
export function addDays(day: IsoDate, days: number): IsoDate {
  return addCalendarDays(utcMidnight(day), days).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(utcMidnight(to), utcMidnight(from));
}

/** Sort order of two dates: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  // yyyy-mm-dd sorts lexically in date order; validate so a malformed value fails loudly.
  utcMidnight(a);
  utcMidnight(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

// Building an Intl.DateTimeFormat is costly next to using one; digests call this per action.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date of an instant as seen in `timeZone` (the plans' zone by default). */
export function toIsoDate(date: Date, timeZone: string = PLAN_TIME_ZONE): IsoDate {
  if (!isValid(date)) throw new Error('Cannot take the date of an invalid time.');
  const parts = dayFormatter(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar date of an ISO instant in `timeZone`, e.g. the day an update was made. */
export function dateOfInstant(instant: IsoDateTime, timeZone: string = PLAN_TIME_ZONE): IsoDate {
  const date = parseISO(instant);
  if (!isValid(date)) throw new Error(`'${instant}' is not a date and time.`);
  return toIsoDate(date, timeZone);
}

/** An instant in the form SharePoint stores (`2024-05-31T09:00:00Z`: UTC, no milliseconds). */
export function toUtcDateTime(instant: IsoDateTime): string {
  const date = parseISO(instant);
  if (!isIsoDateTime(instant) || !isValid(date)) throw new Error(`'${instant}' is not a date and time with a zone, such as 2024-05-31T09:00:00Z.`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
