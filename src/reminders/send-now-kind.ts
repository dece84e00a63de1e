import type { IsoDateTime } from '../domain/plan-item';
import type { ReminderLogEntry } from './reminder-log';

/** The Reminder Log `Kind` of a digest a manager asked for from the tab ("Send now"). */
export const SEND_NOW_KIND = 'digest-now';

const sameGroup = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * When the group was last sent a digest (scheduled or "Send now"), from Reminder Log rows:
 * "changed since the last digest" counts from there. The tab's preview and the job's
 * send both use it, so the card sent is the card previewed.
 */
export function lastDigestSentAt(entries: ReminderLogEntry[], groupName: string): IsoDateTime | null {
  return entries
    .filter((e) => sameGroup(e.groupName, groupName) && (e.kind === 'digest' || e.kind === SEND_NOW_KIND) && e.outcome === 'Sent' && e.sentAt)
    .map((e) => e.sentAt!)
    .sort()
    .pop() ?? null;
}
