import { selectDigest, type Digest } from '../domain/digest';
import type { DigestWindow } from '../domain/digest-window';
import type { PlanFilter } from '../domain/filter-model';
import { matchesFilter } from '../domain/match-filter';
import type { PlanItem, SteeringGroup, Status } from '../domain/plan-item';
import { STATUSES } from '../domain/plan-item';
import type { PlanQueryOptions, PlanRepository } from '../domain/ports';
import { isThresholdRefusal } from '../sharepoint/batch';

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
  const [dueByEnd, staleCandidates, recentlyUpdated] = await queryAll(plans, [
    { ...base, statuses: OPEN_STATUSES, dueTo: window.dueTo },
    { ...base, statuses: OPEN_STATUSES, lastUpdatedBefore: window.staleBefore },
    { ...base, lastUpdatedFrom: window.since },
  ], options);
  const updates = recentlyUpdated.length ? await plans.updatesSince(window.since, recentlyUpdated.map((i) => i.id)) : [];
  const items = new Map<number, PlanItem>();
  for (const item of [...dueByEnd, ...staleCandidates, ...recentlyUpdated]) items.set(item.id, item);
  return selectDigest([...items.values()], updates, group, window.today);
}

/**
 * Runs the queries on the server; when SharePoint refuses one because its indexed
 * narrowing still matches more rows than the list view threshold (a group with more
 * than 5,000 open actions), reads the list once in ID order — always allowed, 5,000 rows
 * a page — and applies the same filters here with the rule the server applies.
 */
async function queryAll(plans: PlanRepository, filters: PlanFilter[], options: PlanQueryOptions): Promise<PlanItem[][]> {
  try {
    return await Promise.all(filters.map((filter) => plans.query(filter, options)));
  } catch (error) {
    if (!isThresholdRefusal(error)) throw error;
    const all = await plans.query({}, { ...options, orderBy: [{ field: 'ID', ascending: true }] });
    return filters.map((filter) => all.filter((item) => matchesFilter(item, filter, { today: options.today })));
  }
}
