import { parseCaml, QuerySyntaxError, type FilterExpr } from '../query';
import { spErrors } from '../sp-error';
import type { FieldRecord, ListRecord } from '../store/list-catalog';
import type { ItemRow } from '../store/list-items';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { fieldText, ukDateText } from './item-text-values';
import { renderPrimitive } from './odata-json';
import { requireMethod } from './respond';

/** The RenderListDataAsStream parameters a list app sends; others are refused as not supported. */
const SUPPORTED_PARAMETERS = new Set(['ViewXml', 'RenderOptions', 'AddRequiredFields', 'DatesInUtc', 'Paging', '__metadata']);
/** RenderOptions bits answered: ContextInfo (1), ListData (2), ListSchema (4); display-only bits add nothing. */
const LIST_SCHEMA = 4;
const CONTEXT_INFO = 1;

function camlOf(viewXml: string) {
  if (/<!DOCTYPE|<!ENTITY/i.test(viewXml)) throw spErrors.badRequest('The ViewXml may not hold a DTD or entity declarations.');
  try {
    return parseCaml(viewXml || '<View/>');
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw spErrors.badQuery(`The CAML query is not valid: ${error.message} (at position ${error.position}).`);
    throw error;
  }
}

/** `FilterField1=Title&FilterValue1=Item 2` (the list view's column filters) as an AND of equalities. */
function urlFilters(url: URL): FilterExpr | null {
  let where: FilterExpr | null = null;
  for (let n = 1; url.searchParams.has(`FilterField${n}`); n += 1) {
    const field = url.searchParams.get(`FilterField${n}`)!;
    const value = url.searchParams.get(`FilterValue${n}`) ?? '';
    const compare: FilterExpr = { kind: 'compare', op: 'eq', field: { name: field }, value: { type: 'string', value } };
    where = where ? { kind: 'and', left: where, right: compare } : compare;
  }
  return where;
}

function rowJson(ctx: ApiContext, fields: FieldRecord[], row: ItemRow): Record<string, unknown> {
  const text = { userById: (id: number) => ctx.store.users.byId(id), lookupTitle: () => undefined };
  const out: Record<string, unknown> = { ID: String(row.ID), PermMask: '0x7fffffffffffffff', FSObjType: '0', ContentTypeId: '0x0100', UniqueId: `{${row.GUID}}` };
  for (const field of fields) {
    if (field.internalName === 'ID') continue;
    const value = row[field.internalName];
    if (field.kind === 'user') {
      const user = value === null || value === undefined ? undefined : ctx.store.users.byId(Number(value));
      out[field.internalName] = user ? [{ id: String(user.id), title: user.title, email: user.email, sip: user.email }] : '';
    } else if (field.kind === 'datetime') {
      out[field.internalName] = value ? ukDateText(String(value), Number(field.props.DisplayFormat ?? 1) === 0) : '';
      out[`${field.internalName}.`] = value ?? '';
    } else {
      out[field.internalName] = fieldText(field, row, text);
    }
  }
  return out;
}

/** The rows of a view's CAML (and the URL's column filters), one page, as RenderListDataAsStream returns them. */
function renderRows(ctx: ApiContext, req: ApiRequest, list: ListRecord, viewXml: string): Record<string, unknown> {
  const caml = camlOf(viewXml);
  if (caml.rowLimit !== null && caml.rowLimit < 1) throw spErrors.badQuery('The RowLimit of the view must be 1 or more.');
  const filters = urlFilters(req.url);
  const where = caml.where && filters ? { kind: 'and' as const, left: caml.where, right: filters } : (caml.where ?? filters);
  const rowLimit = caml.rowLimit ?? 30;
  const pagedFrom = req.url.searchParams.get('p_ID');
  const page = ctx.store.items.query(list, {
    where,
    orderBy: caml.orderBy,
    top: Math.min(rowLimit, 5000),
    skipToken: pagedFrom !== null ? new URLSearchParams({ Paged: 'TRUE', p_ID: pagedFrom }).toString() : null,
    currentUserId: ctx.currentUser.id,
    today: ctx.today,
    threshold: ctx.threshold,
  });
  const fields = ctx.store.catalog.fields(list);
  const firstRow = Number(req.url.searchParams.get('PageFirstRow') ?? '1');
  const result: Record<string, unknown> = {
    Row: page.rows.map((row) => rowJson(ctx, fields, row)),
    FirstRow: firstRow,
    LastRow: firstRow + page.rows.length - 1,
    RowLimit: rowLimit,
    FilterLink: '?',
    ForceNoHierarchy: '1',
    HierarchyHasIndention: '',
  };
  if (page.nextSkipToken) {
    const last = page.rows[page.rows.length - 1];
    result.NextHref = `?Paged=TRUE&p_ID=${last.ID}&PageFirstRow=${firstRow + page.rows.length}`;
  }
  return result;
}

/** POST `RenderListDataAsStream`: rows of a CAML view with paging; ListSchema and ContextInfo in brief. */
export function renderListDataAsStream(ctx: ApiContext, req: ApiRequest, list: ListRecord): ApiResult {
  requireMethod(req, ['POST'], 'RenderListDataAsStream');
  const parameters = (req.body?.parameters ?? {}) as Record<string, unknown>;
  const unsupported = Object.keys(parameters).find((key) => !SUPPORTED_PARAMETERS.has(key));
  if (unsupported) throw spErrors.notSupported(`RenderListDataAsStream parameter '${unsupported}'; the embedded server renders ViewXml rows only`);
  const options = Array.isArray(parameters.RenderOptions) ? (parameters.RenderOptions as number[]).reduce((a, b) => a | b, 0) : Number(parameters.RenderOptions ?? 2);
  const result = renderRows(ctx, req, list, typeof parameters.ViewXml === 'string' ? parameters.ViewXml : '');
  if (options & LIST_SCHEMA) {
    result.ListSchema = { Field: ctx.store.catalog.fields(list).map((f) => ({ ID: f.id, Name: f.internalName, StaticName: f.internalName, DisplayName: f.title, FieldType: f.kind, RealFieldName: f.internalName })) };
  }
  if (options & CONTEXT_INFO) {
    Object.assign(result, { listName: `{${list.id.toUpperCase()}}`, listTitle: list.title, listUrlDir: `${ctx.site.sitePath}/Lists/${list.urlName}`, webAbsoluteUrl: ctx.site.siteUrl });
  }
  return ok(result);
}

/** POST `renderlistdata(@viewXml)`: the same rows, as a JSON string (the older API). */
export function renderListData(ctx: ApiContext, req: ApiRequest, list: ListRecord, viewXml: string): ApiResult {
  requireMethod(req, ['POST'], 'RenderListData');
  const rows = renderRows(ctx, req, list, viewXml);
  return ok(renderPrimitive(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Edm.String`, 'RenderListData', JSON.stringify(rows)));
}
