import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/views';
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
