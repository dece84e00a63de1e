import type { PlanFilter } from '../../../domain/filter-model';
import { matchesFilter } from '../../../domain/match-filter';
import type { IsoDate, PlanItem } from '../../../domain/plan-item';
import type { PlanOrder, PlanRepository } from '../../../domain/ports';
import { isThresholdRefusal } from '../../../sharepoint/batch';
import { sortLikeSharePoint } from '../../../domain/sort-items';
import type { GroupBy } from './plan-state';

/** Rows for the first screen: what the first paint needs, requested with `$top`. */
export const FIRST_SCREEN_ROWS = 60;

/** What the plan view needs from the session to read rows. */
export type RowSource = { plans: PlanRepository; currentUserId: number };

/** Rows read for a query; `complete` is false when only the first screen was asked for. */
export type RowsResult = { rows: PlanItem[]; complete: boolean; via: 'server' | 'list-scan' };

/**
 * The server order that keeps groups contiguous: grouping by section sorts by Section
 * first, so the first screen of rows is exactly the first screen of the grouped view.
 * Owner and RAG are not sortable keys of the repository, so those groupings are built
 * once every row is in.
 */
export function serverOrder(orderBy: readonly PlanOrder[], groupBy: GroupBy): PlanOrder[] {
  if (groupBy !== 'section' || orderBy[0]?.field === 'Section') return [...orderBy];
  return [{ field: 'Section', ascending: true }, ...orderBy.filter((o) => o.field !== 'Section')];
}

/**
 * Reads the rows of a filter. Every filter runs on the server (OData `$filter`, indexed
 * condition first). When SharePoint still refuses — a plan larger than the list view
 * threshold, where even its indexed condition leaves more than 5,000 rows — the list is
 * read in ID order (always allowed, 5,000 rows a page) and filtered here with the same
 * domain rule; that is the only correct way left, and it reads each row once.
 */
export async function readRows(source: RowSource, filter: PlanFilter, options: { today: IsoDate; orderBy: PlanOrder[]; top?: number }): Promise<RowsResult> {
  try {
    const rows = await source.plans.query(filter, { today: options.today, orderBy: options.orderBy, top: options.top });
    return { rows, complete: options.top === undefined || rows.length < options.top, via: 'server' };
  } catch (error) {
    if (!isThresholdRefusal(error)) throw error;
    const all = await source.plans.query({}, { today: options.today, orderBy: [{ field: 'ID', ascending: true }] });
    const matching = all.filter((item) => matchesFilter(item, filter, { today: options.today, currentUserId: source.currentUserId }));
    // Everything was read anyway: hand back every matching row, not just a first screen.
    return { rows: sortLikeSharePoint(matching, options.orderBy), complete: true, via: 'list-scan' };
  }
}
