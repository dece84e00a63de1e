import { parseCaml, parseODataExpand, parseODataFilter, parseODataOrderBy, parseODataSelect, QuerySyntaxError, QueryTypeError, type FieldRef, type FilterExpr, type OrderBy } from '../query';
import { spErrors } from '../sp-error';
import type { ListRecord } from '../store/list-catalog';
import { entityNameOf, etagOf, USER_SUB_NAMES } from '../store/list-items';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { numberArg } from './api-path';
import { itemEntity, ITEM_EXTRA_NAMES, type ItemShape } from './entities';
import { itemSubRoutes } from './item-extras';
import { visibleRows } from './permission-gate';
import { parentListEntity, splitParentList } from './parent-list';
import { renderCollection, renderEntity } from './odata-json';

const DEFAULT_PAGE = 100;
/** SharePoint caps `$top` on list items at 5,000. */
const MAX_TOP = 5000;

/** Runs a query-language parser, turning its errors into SharePoint's 400s (saying where). */
function parsed<T>(option: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      throw spErrors.badQuery(`The expression "${text}" is not valid. ${error.message} (${option}, at position ${error.position}).`);
    }
    throw error;
  }
}

/** Runs a query against the store, turning type errors in the filter into SharePoint's 400. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof QueryTypeError) throw spErrors.badQuery(`The query is not valid: ${error.message}.`);
    throw error;
  }
}

/** Reads `$select`/`$expand`, refusing unknown fields and projections of fields that are not expanded. */
function shapeOf(ctx: ApiContext, list: ListRecord, url: URL): ItemShape {
  const selectText = url.searchParams.get('$select');
  const expandText = url.searchParams.get('$expand');
  const select = selectText ? parsed('$select', selectText, parseODataSelect) : null;
  const expandNames = expandText ? parsed('$expand', expandText, parseODataExpand) : [];
  const expand = new Set<string>();
  for (const name of expandNames) {
    const found = ctx.store.items.resolveName(list, name);
    if (!found || found.viaId) throw spErrors.unknownProperty(name);
    if (found.field.kind !== 'user') throw spErrors.badQuery(`The field '${name}' cannot be expanded: only person and lookup fields can.`);
    expand.add(found.field.internalName.toLowerCase());
  }
  for (const ref of select ?? []) checkSelectRef(ctx, list, ref, expand);
  return { select, expand };
}

function checkSelectRef(ctx: ApiContext, list: ListRecord, ref: FieldRef, expand: Set<string>): void {
  if (ref.name === '*') return;
  const label = ref.sub ? `${ref.name}/${ref.sub}` : ref.name;
  const found = ctx.store.items.resolveName(list, ref.name);
  if (!found) {
    if (!ref.sub && ITEM_EXTRA_NAMES.some((n) => n.toLowerCase() === ref.name.toLowerCase())) return;
    throw spErrors.unknownProperty(label);
  }
  if (!ref.sub) return;
  if (found.field.kind !== 'user' || found.viaId) throw spErrors.unknownProperty(label);
  if (!expand.has(found.field.internalName.toLowerCase())) throw spErrors.notExpanded(label, found.field.internalName);
  if (ref.sub !== '*' && !USER_SUB_NAMES[ref.sub.toLowerCase()]) throw spErrors.unknownProperty(label);
}

function metadataUrl(ctx: ApiContext, list: ListRecord, element: boolean): string {
  return `${ctx.site.siteUrl}/_api/$metadata#SP.ListData.${entityNameOf(list)}Items${element ? '/@Element' : ''}`;
}

function render(ctx: ApiContext, req: ApiRequest, list: ListRecord, rows: ReturnType<ApiContext['store']['items']['query']>['rows'], shape: ItemShape, nextLink: string | null): unknown {
  const fields = ctx.store.catalog.fields(list);
  const users = ctx.store.users;
  const entities = rows.map((row) => itemEntity(ctx.site, list, fields, row, shape, (id) => users.byId(id)));
  return renderCollection(req.flavour, metadataUrl(ctx, list, false), entities, nextLink);
}

/** The next page's link: this request's URL with the new `$skiptoken`, absolute as SharePoint sends it. */
function nextLinkOf(req: ApiRequest, skipToken: string): string {
  const next = new URL(req.url.toString());
  next.searchParams.set('$skiptoken', skipToken);
  return next.toString();
}

/** `…/items`, `…/items(n)`, `…/items(n)/recycle`, `…/getitems`. */
export function handleItems(ctx: ApiContext, req: ApiRequest, list: ListRecord, rest: ApiRequest['path']): ApiResult {
  const [first, second] = rest;
  if (first.name === 'getitems') {
    if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, 'getitems');
    return getItemsByCaml(ctx, req, list);
  }
  // items(5) or items/getbyid(5)
  let id: number | null = null;
  let tail = rest.slice(1);
  if (first.args !== null) {
    id = numberArg(first.args);
    if (id === null) throw spErrors.badQuery(`The item id '${first.args}' is not valid: use a whole number, as in items(5).`);
  } else if (second?.name === 'getbyid') {
    id = numberArg(second.args);
    if (id === null) throw spErrors.badQuery(`The item id '${second.args}' is not valid: use a whole number, as in getById(5).`);
    tail = rest.slice(2);
  }
  if (id === null) {
    if (second) throw spErrors.resourceNotFound(second.raw);
    return itemCollection(ctx, req, list);
  }
  if (tail.length > 0) return itemSubRoutes(ctx, req, list, id, tail);
  return singleItem(ctx, req, list, id);
}

function itemCollection(ctx: ApiContext, req: ApiRequest, list: ListRecord): ApiResult {
  if (req.method === 'POST') {
    const row = ctx.store.items.add(list, req.body ?? {}, ctx.currentUser.id);
    ctx.store.catalog.touch(list);
    const entity = itemEntity(ctx.site, list, ctx.store.catalog.fields(list), row, { select: null, expand: new Set() }, (id) => ctx.store.users.byId(id));
    return { status: 201, body: renderEntity(req.flavour, metadataUrl(ctx, list, true), entity), headers: { ETag: etagOf(row._Version) } };
  }
  if (req.method !== 'GET') throw spErrors.methodNotAllowed(req.method, 'items');
  const shape = shapeOf(ctx, list, req.url);
  const filterText = req.url.searchParams.get('$filter');
  const orderText = req.url.searchParams.get('$orderby');
  const where: FilterExpr | null = filterText ? parsed('$filter', filterText, parseODataFilter) : null;
  const orderBy: OrderBy[] = orderText ? parsed('$orderby', orderText, parseODataOrderBy) : [];
  const topText = req.url.searchParams.get('$top');
  if (topText !== null && !/^\d+$/.test(topText.trim())) throw spErrors.badQuery(`The $top value '${topText}' is not valid: use a whole number.`);
  if (topText !== null && Number(topText) === 0) throw spErrors.badQuery("The $top value '0' is not valid: ask for 1 or more items.");
  const top = Math.min(topText === null ? DEFAULT_PAGE : Number(topText), MAX_TOP);
  const page = guarded(() =>
    ctx.store.items.query(list, {
      where,
      orderBy,
      top,
      skipToken: req.url.searchParams.get('$skiptoken'),
      currentUserId: ctx.currentUser.id,
      today: ctx.today,
      threshold: ctx.threshold,
    }),
  );
  return ok(render(ctx, req, list, visibleRows(ctx, list, page.rows), shape, page.nextSkipToken ? nextLinkOf(req, page.nextSkipToken) : null));
}

function singleItem(ctx: ApiContext, req: ApiRequest, list: ListRecord, id: number): ApiResult {
  const ifMatch = req.headers.get('if-match');
  switch (req.method) {
    case 'GET': {
      const { url, ask } = splitParentList(req.url);
      const shape = shapeOf(ctx, list, url);
      const row = ctx.store.items.get(list, id);
      if (!row) throw spErrors.itemNotFound();
      const entity = itemEntity(ctx.site, list, ctx.store.catalog.fields(list), row, shape, (uid) => ctx.store.users.byId(uid));
      if (ask) entity.props.ParentList = parentListEntity(ctx, list, ask);
      return ok(renderEntity(req.flavour, metadataUrl(ctx, list, true), entity), { ETag: etagOf(row._Version) });
    }
    case 'MERGE':
    case 'PATCH':
    case 'PUT': {
      const row = ctx.store.items.update(list, id, req.body ?? {}, ifMatch, ctx.currentUser.id);
      ctx.store.catalog.touch(list);
      return { status: 204, body: null, headers: { ETag: etagOf(row._Version) } };
    }
    case 'DELETE':
      ctx.store.items.delete(list, id, ifMatch);
      ctx.store.catalog.touch(list);
      return { status: 200, body: null };
    default:
      throw spErrors.methodNotAllowed(req.method, `items(${id})`);
  }
}

/** POST `getitems` with `{ query: { ViewXml } }`: the CAML `<Where>`, `<OrderBy>` and `<RowLimit>` applied. */
function getItemsByCaml(ctx: ApiContext, req: ApiRequest, list: ListRecord): ApiResult {
  const query = (req.body?.query ?? null) as { ViewXml?: unknown } | null;
  if (!query || typeof query !== 'object') throw spErrors.badRequest("getitems needs a body { query: { ViewXml: '<View>…</View>' } }.");
  const viewXml = typeof query.ViewXml === 'string' ? query.ViewXml : '';
  let caml;
  try {
    caml = parseCaml(viewXml);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw spErrors.badQuery(`The CAML query is not valid: ${error.message} (at position ${error.position}).`);
    throw error;
  }
  if (caml.rowLimit !== null && caml.rowLimit < 1) throw spErrors.badQuery('The RowLimit of the CAML query must be 1 or more.');
  const shape = shapeOf(ctx, list, req.url);
  const count = ctx.store.items.count(list);
  const page = guarded(() =>
    ctx.store.items.query(list, {
      where: caml.where,
      orderBy: caml.orderBy,
      top: caml.rowLimit ?? Math.max(count, 1),
      skipToken: null,
      currentUserId: ctx.currentUser.id,
      today: ctx.today,
      threshold: ctx.threshold,
    }),
  );
  return ok(render(ctx, req, list, visibleRows(ctx, list, page.rows), shape, null));
}

