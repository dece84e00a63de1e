import { addDays, toIsoDate } from './dates';
import type { IsoDate, IsoDateTime, SteeringGroup } from './plan-item';

/** How far back "changed since the last digest" looks when a group has never had one. */
export const FIRST_DIGEST_LOOKBACK_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a digest for one group at one instant covers. */
export type DigestWindow = {
  /** "Today" in the group's time zone: the day rules are evaluated on, and the log's date key. */
  today: IsoDate;
  /** Open actions due on or before this day are overdue or due soon. */
  dueTo: IsoDate;
  /**
   * Open actions last updated before this instant (or never) may be stale. It is a day
   * generous, so the server returns every candidate whatever the rule's boundary or
   * time zone; the rule itself (isStale) decides.
   */
  staleBefore: IsoDateTime;
  /** Changes are counted from here: the last digest sent, else a week back. */
  since: IsoDateTime;
};

/** The window of a group's digest at `now`, given when its last digest was sent (if ever). */
export function digestWindow(group: SteeringGroup, now: Date, lastSentAt: IsoDateTime | null): DigestWindow {
  const today = toIsoDate(now, group.timeZone);
  return {
    today,
    dueTo: addDays(today, group.dueSoonDays),
    staleBefore: `${addDays(today, -group.updateCadenceDays + 1)}T23:59:59Z`,
    since: lastSentAt ?? new Date(now.getTime() - FIRST_DIGEST_LOOKBACK_DAYS * DAY_MS).toISOString(),
  };
}
