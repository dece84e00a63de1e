import type { IsoDate, IsoDateTime, SteeringGroup } from '../domain/plan-item';
import { claimKeyOf, recentMonths, type GroupLogQuery, type ReminderLog, type ReminderLogEntry } from './reminder-log';
import { SEND_NOW_KIND } from './send-now-kind';
import { canonicalKey, newGroupKey } from './webhook-names';

/** The Reminder Log `Kind` of a scheduled digest. */
export const DIGEST_KIND = 'digest';

/** A group's key: the one it has, else the one the reminder job will give it. */
export function keyOf(group: Pick<SteeringGroup, 'name' | 'key'>): string {
  return group.key ? canonicalKey(group.key) : newGroupKey(group.name);
}

/**
 * The log rows a run needs of one group — today's claim, and this and last month's sends
 * (scheduled and "Send now") — as claim keys and claim-key prefixes: every branch a seek
 * or range of the unique ClaimKey index, so the read costs the same after ten years.
 */
export function groupLogQuery(group: Pick<SteeringGroup, 'name' | 'key'>, today: IsoDate): GroupLogQuery {
  const months = recentMonths(today);
  return {
    // Older versions keyed claims by the group's name: today's old-style key stops a second send on the day of an upgrade.
    keys: [claimKeyOf(group.name, DIGEST_KIND, today)],
    prefixes: months.flatMap((m) => [`${keyOf(group)}|${DIGEST_KIND}|${m}`, `${group.name}|request|${m}`]),
  };
}

/** When the group was last sent a digest, from the rows `groupLogQuery` found (scheduled or "Send now"). */
export function lastSentOf(rows: ReminderLogEntry[]): IsoDateTime | null {
  return rows.filter((e) => (e.kind === DIGEST_KIND || e.kind === SEND_NOW_KIND) && e.outcome === 'Sent' && e.sentAt).map((e) => e.sentAt!).sort().pop() ?? null;
}

/**
 * When the group was last sent a digest, read narrowly (one request): for the tab's
 * preview, so the card previewed counts changes from the same moment as the card sent.
 * Looks back to the start of last month; a group with no digest since gets the first-digest window.
 */
export async function readLastDigestSentAt(log: Pick<ReminderLog, 'find'>, group: Pick<SteeringGroup, 'name' | 'key'>, today: IsoDate): Promise<IsoDateTime | null> {
  return lastSentOf(await log.find(groupLogQuery(group, today)));
}
