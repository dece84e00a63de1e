import { addDays, dateOfInstant, daysBetween } from './dates';
import type { IsoDate, PlanItem } from './plan-item';

/**
 * When an action needs attention. Every rule takes `today` (a London calendar date);
 * nothing here reads the clock. The same meanings are used by the tab's badges, the
 * digests and the server-side filters (to-odata.ts, to-caml.ts).
 */

/** The badge the tab shows beside an action, most urgent first. */
export type AttentionBadge = 'overdue' | 'due-soon' | 'no-update';

/** Due-soon window in days when a steering group sets none. */
export const DEFAULT_DUE_SOON_DAYS = 14;
/** Update cadence in days when a steering group sets none. */
export const DEFAULT_CADENCE_DAYS = 30;

/** Whether the action is still to be done: not Completed and not Cancelled. */
export function isOpen(item: Pick<PlanItem, 'status'>): boolean {
  return item.status !== 'Completed' && item.status !== 'Cancelled';
}

/** Open and due before `today`; an action due today is not yet overdue, an undated one never is. */
export function isOverdue(item: PlanItem, today: IsoDate): boolean {
  return isOpen(item) && item.dueDate !== null && item.dueDate < today;
}

/** Open and due between `today` and `today + windowDays`, both ends included. */
export function isDueSoon(item: PlanItem, today: IsoDate, windowDays: number = DEFAULT_DUE_SOON_DAYS): boolean {
  if (!isOpen(item) || item.dueDate === null) return false;
  return item.dueDate >= today && item.dueDate <= addDays(today, windowDays);
}

/**
 * Open and without an owner update in the last `cadenceDays` days: updated exactly
 * `cadenceDays` days ago is still in time, one day more is stale. An action that was
 * never updated (no LastUpdated at all) counts as stale: nobody has reported on it, and
 * that is exactly what a steering group wants chased.
 */
export function isStale(item: PlanItem, today: IsoDate, cadenceDays: number = DEFAULT_CADENCE_DAYS): boolean {
  if (!isOpen(item)) return false;
  if (item.lastUpdated === null) return true;
  return daysBetween(dateOfInstant(item.lastUpdated), today) > cadenceDays;
}

/** Days past the due date on `today` (1 the day after it was due); 0 when not overdue. */
export function daysOverdue(item: PlanItem, today: IsoDate): number {
  return isOverdue(item, today) && item.dueDate !== null ? daysBetween(item.dueDate, today) : 0;
}

/** The tab's badge for an action: overdue, else due soon, else no update, else none. */
export function badgeFor(item: PlanItem, today: IsoDate, opts: { dueSoonDays?: number; cadenceDays?: number } = {}): AttentionBadge | null {
  if (isOverdue(item, today)) return 'overdue';
  if (isDueSoon(item, today, opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS)) return 'due-soon';
  if (isStale(item, today, opts.cadenceDays ?? DEFAULT_CADENCE_DAYS)) return 'no-update';
  return null;
}

const byTitle = (a: PlanItem, b: PlanItem) => a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base', numeric: true });

/**
 * The order of "My actions": overdue first, then by due date (earliest first, so the
 * most overdue leads), undated last, then by title; id breaks the last tie so the
 * order is stable between renders.
 */
export function compareForMyActions(a: PlanItem, b: PlanItem, today: IsoDate): number {
  const overdue = Number(isOverdue(b, today)) - Number(isOverdue(a, today));
  if (overdue !== 0) return overdue;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return byTitle(a, b) || a.id - b.id;
}
