/**
 * The tab's pages. My actions is the personal tab's home; the managers' pages (Plan,
 * Summary, Import, Digest preview) register in pages/registry.tsx under these ids.
 */
export type PageId = 'my-actions' | 'plan' | 'summary' | 'import' | 'digest-preview' | 'config';

/** Where the user is: a page and, optionally, the action whose update panel is open. */
export type Route = { page: PageId; itemId: number | null };

const PAGE_IDS: readonly PageId[] = ['my-actions', 'plan', 'summary', 'import', 'digest-preview', 'config'];

const toItemId = (value: string | null | undefined): number | null => {
  const id = Number(value);
  return value && Number.isInteger(id) && id > 0 ? id : null;
};

/**
 * Reads `?page=` and `?item=` from the URL. A Teams deep link carries the item in
 * `subPageId` instead; the URL wins when both are there (the user navigated since).
 */
export function parseRoute(search: string, subPageId = ''): Route {
  const params = new URLSearchParams(search);
  const page = PAGE_IDS.includes(params.get('page') as PageId) ? (params.get('page') as PageId) : 'my-actions';
  return { page, itemId: toItemId(params.get('item')) ?? toItemId(subPageId) };
}

/** The URL for a route, keeping the other query parameters (`as`, `theme`, `locale`). */
export function routeHref(route: Route, current: string): string {
  const url = new URL(current);
  if (route.page === 'my-actions') url.searchParams.delete('page');
  else url.searchParams.set('page', route.page);
  if (route.itemId === null) url.searchParams.delete('item');
  else url.searchParams.set('item', String(route.itemId));
  return `${url.pathname}${url.search}${url.hash}`;
}
