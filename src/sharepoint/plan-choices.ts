import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { LIST } from './list-names';

/** SharePoint returns at most 5,000 items per page. */
const MAX_PAGE = 5000;

/**
 * The plans and steering groups named on the site's actions, for the configurable tab's
 * choices. There is no list of plans, so this reads the two text columns only (never the
 * whole item), in ID order — allowed past the list view threshold — 5,000 rows a request.
 */
export async function planChoices(sp: SPFI): Promise<{ plans: string[]; steeringGroups: string[] }> {
  const plans = new Set<string>();
  const groups = new Set<string>();
  const query = sp.web.lists.getByTitle(LIST.planItems).items.select('Plan', 'SteeringGroup').orderBy('ID', true).top(MAX_PAGE);
  for await (const page of query) {
    for (const row of page as { Plan?: string | null; SteeringGroup?: string | null }[]) {
      if (row.Plan) plans.add(row.Plan);
      if (row.SteeringGroup) groups.add(row.SteeringGroup);
    }
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { plans: sorted(plans), steeringGroups: sorted(groups) };
}
