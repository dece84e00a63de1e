import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/views';
import type { PlanFilter } from '../domain/filter-model';
import type { IsoDate } from '../domain/plan-item';
import { planFilterToUrlFilters, urlFilterParams } from '../domain/view-url-filters';
import { LIST } from './list-names';

/**
 * The address of every Plan Items view on the site, by view title, for "Open in
 * SharePoint". One request: the views' titles and server-relative URLs only.
 */
export async function planViewLinks(sp: SPFI, siteUrl: string): Promise<Map<string, string>> {
  const views = (await sp.web.lists.getByTitle(LIST.planItems).views.select('Title', 'ServerRelativeUrl')()) as { Title: string; ServerRelativeUrl: string }[];
  const origin = new URL(siteUrl).origin;
  return new Map(views.map((v) => [v.Title, new URL(v.ServerRelativeUrl, origin).href]));
}

/**
 * A view's address with a plan filter carried as SharePoint's URL filter parameters
 * (`FilterField1=RAG&FilterValue1=Red`…), so the view page shows the same rows as the
 * tab. `notCarried` names what a view URL cannot express (free text).
 */
export function viewUrlWithFilters(viewUrl: string, filter: PlanFilter, today: IsoDate): { href: string; notCarried: string[] } {
  const { conditions, notCarried } = planFilterToUrlFilters(filter, today);
  const url = new URL(viewUrl);
  for (const [name, value] of urlFilterParams(conditions)) url.searchParams.set(name, value);
  return { href: url.href, notCarried };
}
