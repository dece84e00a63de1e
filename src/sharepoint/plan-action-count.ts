import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { odataString } from '../domain/to-odata';
import { LIST } from './list-names';

/**
 * How many actions a plan has. Plan is indexed, so the filter runs past the list view
 * threshold; IDs only, 5,000 a request.
 */
export async function countPlanActions(sp: SPFI, plan: string): Promise<number> {
  let count = 0;
  const query = sp.web.lists.getByTitle(LIST.planItems).items.select('ID').filter(`Plan eq ${odataString(plan)}`).top(5000);
  for await (const page of query) count += (page as unknown[]).length;
  return count;
}
