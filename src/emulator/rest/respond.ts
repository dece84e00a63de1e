import { parseODataFilter, QuerySyntaxError } from '../query';
import { spErrors } from '../sp-error';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { matchesEntity } from './entity-filter';
import { renderCollection, renderEntity, renderPrimitive, type EntityValue } from './odata-json';

/**
 * How the REST areas (the dispatcher, views, …) answer: one entity, a small collection,
 * a primitive, or nothing, in the flavour the client asked for.
 */

/** Metadata URL, `$select` and rendering for one non-item entity. */
export function entity(ctx: ApiContext, req: ApiRequest, set: string, value: EntityValue, headers?: Record<string, string>): ApiResult {
  return ok(renderEntity(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#${set}/@Element`, project(value, req.url)), headers);
}

/** A small collection (lists, fields, views, users) with `$filter` and `$top` applied in memory. */
export function collection(ctx: ApiContext, req: ApiRequest, set: string, values: EntityValue[]): ApiResult {
  const filterText = req.url.searchParams.get('$filter');
  let selected = values;
  if (filterText) {
    let expr;
    try {
      expr = parseODataFilter(filterText);
    } catch (error) {
      if (error instanceof QuerySyntaxError) throw spErrors.badQuery(`The expression "${filterText}" is not valid. ${error.message} ($filter, at position ${error.position}).`);
      throw error;
    }
    selected = values.filter((value) => matchesEntity(expr, value.props, ctx.currentUser.id));
  }
  const top = req.url.searchParams.get('$top');
  if (top !== null) {
    if (!/^\d+$/.test(top.trim())) throw spErrors.badQuery(`The $top value '${top}' is not valid: use a whole number.`);
    selected = selected.slice(0, Number(top));
  }
  return ok(renderCollection(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#${set}`, selected.map((v) => project(v, req.url))));
}

/** A string result of a service operation (`renderAsHtml`, `schemaXml`): `value`, or `d.<Name>` in verbose. */
export function edmString(ctx: ApiContext, req: ApiRequest, name: string, value: string): ApiResult {
  return ok(renderPrimitive(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Edm.String`, name, value));
}

/** What SharePoint answers a service operation that returns nothing (`addViewField`): 200 with a null. */
export function voidResult(req: ApiRequest, name: string): ApiResult {
  return ok(req.flavour === 'verbose' ? { d: { [name]: null } } : { 'odata.null': true });
}

/** `$select` on a non-item entity keeps the named properties (expanded ones stay). */
function project(value: EntityValue, url: URL): EntityValue {
  const select = url.searchParams.get('$select');
  if (!select || select.trim() === '*') return value;
  const wanted = new Set(select.split(',').map((s) => s.trim().split('/')[0].toLowerCase()));
  const expanded = new Set((url.searchParams.get('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase()));
  const props: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value.props)) if (wanted.has(key.toLowerCase()) || expanded.has(key.toLowerCase())) props[key] = v;
  return new (value.constructor as typeof EntityValue)(value.meta, props);
}

/** Refuses a method the resource does not take, with SharePoint's 405. */
export function requireMethod(req: ApiRequest, allowed: string[], what: string): void {
  if (!allowed.includes(req.method)) throw spErrors.methodNotAllowed(req.method, what);
}
