import { selectDigest, type Digest } from '../domain/digest';
import type { DigestWindow } from '../domain/digest-window';
import type { PlanItem, SteeringGroup, Status } from '../domain/plan-item';
import { STATUSES } from '../domain/plan-item';
import type { PlanRepository } from '../domain/ports';

const OPEN_STATUSES: Status[] = STATUSES.filter((s) => s !== 'Completed' && s !== 'Cancelled');

/**
 * Reads what a group's digest needs with four server-side queries through indexed
 * fields — open actions due by the end of the window, open actions not updated within
 * the cadence, actions updated since the last digest, and those actions' progress
 * updates — then lets the domain rule choose. The queries are deliberately a little
 * wider than the rules, which re-check every item. Browser-safe: the tab's digest
 * preview uses it with its own repository.
 */
export async function collectDigest(plans: PlanRepository, group: SteeringGroup, window: DigestWindow): Promise<Digest> {
  const options = { today: window.today };
  const base = { steeringGroup: group.name };
  const [dueByEnd, staleCandidates, recentlyUpdated] = await Promise.all([
    plans.query({ ...base, statuses: OPEN_STATUSES, dueTo: window.dueTo }, options),
    plans.query({ ...base, statuses: OPEN_STATUSES, lastUpdatedBefore: window.staleBefore }, options),
    plans.query({ ...base, lastUpdatedFrom: window.since }, options),
  ]);
  const updates = recentlyUpdated.length ? await plans.updatesSince(window.since, recentlyUpdated.map((i) => i.id)) : [];
  const items = new Map<number, PlanItem>();
  for (const item of [...dueByEnd, ...staleCandidates, ...recentlyUpdated]) items.set(item.id, item);
  return selectDigest([...items.values()], updates, group, window.today);
}
