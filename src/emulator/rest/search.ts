import { spErrors } from '../sp-error';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import type { PathSegment } from './api-path';

/**
 * `_api/search/query` (GET, `querytext='…'`) and `_api/search/postquery` (POST,
 * `{ request: { Querytext } }`, what PnPjs' `sp.search()` sends), answered minimally:
 * the embedded server holds one site and no search index, so a site search
 * (`contentclass:STS_Site`, with any further words matched against the site's title and
 * address) finds that site, and any other query finds nothing. The answer has
 * SharePoint's shape: `PrimaryQueryResult.RelevantResults.Table.Rows[].Cells[]` of
 * `{ Key, Value, ValueType }`, with `results` arrays in the verbose flavour.
 */
export function searchApi(ctx: ApiContext, req: ApiRequest, rest: PathSegment[]): ApiResult {
  const [operation, ...more] = rest;
  if (!operation || more.length > 0) throw spErrors.resourceNotFound(`search/${rest.map((s) => s.raw).join('/')}`);
  let queryText: string;
  if (operation.name === 'query') {
    if (req.method !== 'GET') throw spErrors.methodNotAllowed(req.method, 'search/query');
    queryText = unquote(req.url.searchParams.get('querytext') ?? '');
  } else if (operation.name === 'postquery') {
    if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, 'search/postquery');
    const request = (req.body?.request ?? {}) as Record<string, unknown>;
    queryText = typeof request.Querytext === 'string' ? request.Querytext : '';
  } else {
    throw spErrors.resourceNotFound(`search/${operation.raw}`);
  }
  if (!queryText.trim()) throw spErrors.badRequest('The search query text is empty. Give querytext, e.g. contentclass:STS_Site.');
  const rows = matchesSite(queryText, ctx) ? [siteRow(ctx)] : [];
  return ok(render(req, operation.name, rows));
}

/** `'contentclass:STS_Site'` → `contentclass:STS_Site` (SharePoint's string literal, `''` for a quote). */
function unquote(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith("'") && trimmed.endsWith("'") ? trimmed.slice(1, -1).replace(/''/g, "'") : trimmed;
}

/** Whether the query asks for sites and every other word is in the site's title or address. */
function matchesSite(queryText: string, ctx: ApiContext): boolean {
  const terms = queryText.split(/\s+/).filter(Boolean);
  const classes = terms.filter((t) => /^contentclass:/i.test(t));
  if (!classes.some((t) => /^contentclass:"?sts_site"?$/i.test(t))) return false;
  const haystack = `${ctx.site.title} ${ctx.site.siteUrl}`.toLowerCase();
  return terms
    .filter((t) => !/^contentclass:/i.test(t) && !/^(AND|OR)$/.test(t))
    .every((t) => haystack.includes(t.replace(/^"|"$/g, '').replace(/\*$/, '').toLowerCase()));
}

type Cell = { Key: string; Value: string | null; ValueType: string };

function siteRow(ctx: ApiContext): Cell[] {
  const cell = (Key: string, Value: string | null, ValueType = 'Edm.String'): Cell => ({ Key, Value, ValueType });
  return [
    cell('Rank', '1', 'Edm.Double'),
    cell('DocId', '1', 'Edm.Int64'),
    cell('Title', ctx.site.title),
    cell('Path', ctx.site.siteUrl),
    cell('SPSiteUrl', ctx.site.siteUrl),
    cell('SiteId', ctx.site.siteId),
    cell('WebId', ctx.site.webId),
    cell('Description', null),
    cell('contentclass', 'STS_Site'),
  ];
}

function render(req: ApiRequest, operation: string, rows: Cell[][]): unknown {
  const verbose = req.flavour === 'verbose';
  const list = <T>(items: T[]) => (verbose ? { results: items } : items);
  const result = {
    ElapsedTime: 0,
    PrimaryQueryResult: {
      QueryId: '00000000-0000-0000-0000-000000000000',
      RelevantResults: {
        RowCount: rows.length,
        TotalRows: rows.length,
        TotalRowsIncludingDuplicates: rows.length,
        Table: { Rows: list(rows.map((cells) => ({ Cells: list(cells) }))) },
      },
    },
    Properties: list([]),
    SecondaryQueryResults: list([]),
  };
  if (verbose) return { d: { [operation]: { __metadata: { type: 'Microsoft.Office.Server.Search.REST.SearchResult' }, ...result } } };
  return result;
}
