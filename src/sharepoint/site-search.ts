import { AssignFrom } from '@pnp/core';
import { spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/search';
import '@pnp/sp/webs';

/** A site the user can open: what a site picker shows and the address it keeps. */
export type ReachableSite = { title: string; url: string };

/** Sites a picker lists at most; more than this and the user should be on a narrower search. */
const MAX_SITES = 500;

/**
 * The site collections the user can reach, from SharePoint search (`contentclass:STS_Site`,
 * security-trimmed by SharePoint, so it lists only sites the user may open), on the same
 * host as `sp`'s site — the only host whose token the tab holds. Sorted by title.
 */
export async function reachableSites(sp: SPFI, siteUrl: string): Promise<ReachableSite[]> {
  const origin = new URL(siteUrl).origin;
  const results = await sp.search({
    Querytext: 'contentclass:STS_Site',
    SelectProperties: ['Title', 'Path'],
    RowLimit: MAX_SITES,
    TrimDuplicates: false,
  });
  const sites = new Map<string, ReachableSite>();
  for (const row of results.PrimarySearchResults as { Title?: string | null; Path?: string | null }[]) {
    if (!row.Path) continue;
    let url: URL;
    try {
      url = new URL(row.Path);
    } catch {
      continue;
    }
    if (url.origin !== origin || !/^\/(sites|teams)\/[^/]+\/?$/i.test(url.pathname)) continue;
    const href = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    sites.set(href.toLowerCase(), { title: row.Title?.trim() || href, url: href });
  }
  return [...sites.values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
}

/** Another site on the same host, reached with `sp`'s connection (the same token or local user). */
export function sameConnectionTo(sp: SPFI, siteUrl: string): SPFI {
  return spfi(siteUrl.replace(/\/+$/, '')).using(AssignFrom(sp.web));
}
