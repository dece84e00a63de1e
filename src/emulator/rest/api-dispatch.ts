import { parseCaml, parseODataFilter, QuerySyntaxError } from '../query';
import { spErrors } from '../sp-error';
import { kindOfODataType, kindOfTypeKind, type FieldKind } from '../store/field-kinds';
import type { FieldRecord, ListRecord, ViewRecord } from '../store/list-catalog';
import { emailOfLogon } from '../store/site-users';
import { noContent, ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { numberArg, stringArg, type PathSegment } from './api-path';
import { fieldEntity, folderEntity, listEntity, listRootOf, userEntity, viewEntity, viewFieldsEntity, webEntity } from './entities';
import { handleItems } from './item-routes';
import { matchesEntity } from './entity-filter';
import { renderCollection, renderEntity, type EntityValue } from './odata-json';

/** Answers one REST call under `_api/` (not `$batch`, which the caller splits first). */
export function dispatchApi(ctx: ApiContext, req: ApiRequest): ApiResult {
  const [root, ...rest] = req.path;
  if (!root) return entity(ctx, req, 'SP.Web', webEntity(ctx.site));
  switch (root.name) {
    case 'contextinfo':
      return contextInfo(ctx, req);
    case 'web':
      return web(ctx, req, rest);
    case 'site':
      if (rest.length === 0) return entity(ctx, req, 'SP.Site', webEntity(ctx.site));
      break;
    case 'sp.userprofiles.peoplemanager':
      break;
  }
  throw spErrors.resourceNotFound(root.raw);
}

/** Metadata URL, `$select` and rendering for one non-item entity. */
function entity(ctx: ApiContext, req: ApiRequest, set: string, value: EntityValue, headers?: Record<string, string>): ApiResult {
  return ok(renderEntity(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#${set}/@Element`, project(value, req.url)), headers);
}

/** A small collection (lists, fields, views, users) with `$filter` and `$top` applied in memory. */
function collection(ctx: ApiContext, req: ApiRequest, set: string, values: EntityValue[]): ApiResult {
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

function requireMethod(req: ApiRequest, allowed: string[], what: string): void {
  if (!allowed.includes(req.method)) throw spErrors.methodNotAllowed(req.method, what);
}

function contextInfo(ctx: ApiContext, req: ApiRequest): ApiResult {
  requireMethod(req, ['POST'], 'contextinfo');
  const info = {
    FormDigestTimeoutSeconds: 1800,
    FormDigestValue: `0x${ctx.site.webId.replace(/-/g, '').toUpperCase()},${new Date().toUTCString()}`,
    LibraryVersion: '16.0.0.0',
    SiteFullUrl: ctx.site.siteUrl,
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: ctx.site.siteUrl,
  };
  if (req.flavour === 'verbose') return ok({ d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info, SupportedSchemaVersions: { results: info.SupportedSchemaVersions } } } });
  return ok({ ...(req.flavour === 'minimal' ? { 'odata.metadata': `${ctx.site.siteUrl}/_api/$metadata#SP.ContextWebInformation` } : {}), ...info });
}

function web(ctx: ApiContext, req: ApiRequest, rest: PathSegment[]): ApiResult {
  const [first, ...more] = rest;
  if (!first) {
    requireMethod(req, ['GET'], 'web');
    return entity(ctx, req, 'SP.Web', webEntity(ctx.site));
  }
  const users = ctx.store.users;
  switch (first.name) {
    case 'currentuser':
      requireMethod(req, ['GET'], 'currentuser');
      return entity(ctx, req, 'SP.Data.UserInfoItems', userEntity(ctx.site, ctx.currentUser));
    case 'siteusers': {
      requireMethod(req, ['GET'], 'siteusers');
      const [selector] = more;
      if (!selector && first.args === null) return collection(ctx, req, 'SP.Data.UserInfoItems', users.all().map((u) => userEntity(ctx.site, u)));
      let user;
      if (first.args !== null) user = users.byId(numberArg(first.args) ?? -1);
      else if (selector.name === 'getbyid') user = users.byId(numberArg(selector.args) ?? -1);
      else if (selector.name === 'getbyemail') user = users.byEmail(stringArg(selector.args) ?? '');
      else if (selector.name === 'getbyloginname') user = users.byEmail(emailOfLogon(stringArg(selector.args) ?? '') ?? '');
      else throw spErrors.resourceNotFound(selector.raw);
      if (!user) throw spErrors.userNotFound();
      return entity(ctx, req, 'SP.Data.UserInfoItems', userEntity(ctx.site, user));
    }
    case 'getuserbyid': {
      requireMethod(req, ['GET'], 'getuserbyid');
      const user = users.byId(numberArg(first.args) ?? -1);
      if (!user) throw spErrors.userNotFound();
      return entity(ctx, req, 'SP.Data.UserInfoItems', userEntity(ctx.site, user));
    }
    case 'ensureuser': {
      requireMethod(req, ['POST'], 'ensureuser');
      const logon = stringArg(first.args) ?? (typeof req.body?.logonName === 'string' ? req.body.logonName : null);
      if (!logon) throw spErrors.badRequest("ensureuser needs a body { logonName: 'i:0#.f|membership|<email>' } or a plain e-mail.");
      const email = emailOfLogon(logon);
      if (!email) throw spErrors.userCannotBeResolved(logon);
      return entity(ctx, req, 'SP.Data.UserInfoItems', userEntity(ctx.site, users.ensure(email)));
    }
    case 'lists':
      return lists(ctx, req, first, more);
    case 'getlist': {
      const url = stringArg(first.args) ?? '';
      const name = url.replace(/\/+$/, '').split('/').pop() ?? '';
      const list = ctx.store.catalog.byUrlName(name);
      if (!list) throw spErrors.listNotFound(url, ctx.site.siteUrl);
      return listRoutes(ctx, req, list, more);
    }
  }
  throw spErrors.resourceNotFound(first.raw);
}

function lists(ctx: ApiContext, req: ApiRequest, segment: PathSegment, more: PathSegment[]): ApiResult {
  const catalog = ctx.store.catalog;
  // lists('guid') / lists(guid'…')
  if (segment.args !== null) {
    const id = stringArg(segment.args) ?? segment.args;
    const list = catalog.byId(id);
    if (!list) throw spErrors.listIdNotFound(id);
    return listRoutes(ctx, req, list, more);
  }
  const [selector, ...rest] = more;
  if (!selector) {
    if (req.method === 'POST') {
      const body = req.body ?? {};
      const title = typeof body.Title === 'string' ? body.Title.trim() : '';
      if (!title) throw spErrors.badRequest('A new list needs a Title.');
      const template = Number(body.BaseTemplate ?? 100);
      if (template !== 100) throw spErrors.badRequest(`The embedded server supports custom lists only (BaseTemplate 100), not ${template}.`);
      const list = catalog.create(title, typeof body.Description === 'string' ? body.Description : '', template);
      const result = listResult(ctx, req, list);
      return { ...result, status: 201 };
    }
    requireMethod(req, ['GET'], 'lists');
    return collection(ctx, req, 'SP.ApiData.Lists', catalog.all().map((list) => listValue(ctx, req, list)));
  }
  if (selector.name === 'getbytitle') {
    const title = stringArg(selector.args);
    if (title === null) throw spErrors.badQuery(`getByTitle needs a quoted title, as in getByTitle('Plan Items').`);
    const list = catalog.byTitle(title);
    if (!list) throw spErrors.listNotFound(title, ctx.site.siteUrl);
    return listRoutes(ctx, req, list, rest);
  }
  if (selector.name === 'getbyid') {
    const id = stringArg(selector.args) ?? '';
    const list = catalog.byId(id);
    if (!list) throw spErrors.listIdNotFound(id);
    return listRoutes(ctx, req, list, rest);
  }
  throw spErrors.resourceNotFound(selector.raw);
}

function listValue(ctx: ApiContext, req: ApiRequest, list: ListRecord): EntityValue {
  const expand = (req.url.searchParams.get('$expand') ?? '').toLowerCase().split(',').map((s) => s.trim());
  const defaultView = ctx.store.catalog.views(list).find((v) => v.isDefault);
  return listEntity(ctx.site, list, ctx.store.items.count(list), defaultView, expand.includes('rootfolder'));
}

function listResult(ctx: ApiContext, req: ApiRequest, list: ListRecord): ApiResult {
  return entity(ctx, req, 'SP.ApiData.Lists', listValue(ctx, req, list));
}

function listRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, rest: PathSegment[]): ApiResult {
  const [first] = rest;
  const catalog = ctx.store.catalog;
  if (!first) {
    switch (req.method) {
      case 'GET':
        return listResult(ctx, req, list);
      case 'MERGE':
      case 'PATCH': {
        const body = req.body ?? {};
        catalog.update(list, {
          title: typeof body.Title === 'string' ? body.Title : undefined,
          description: typeof body.Description === 'string' ? body.Description : undefined,
        });
        return noContent();
      }
      case 'DELETE':
        catalog.delete(list);
        return { status: 200, body: null };
      default:
        throw spErrors.methodNotAllowed(req.method, list.title);
    }
  }
  switch (first.name) {
    case 'items':
    case 'getitems':
      return handleItems(ctx, req, list, rest);
    case 'fields':
      return fields(ctx, req, list, first, rest.slice(1));
    case 'views':
      return views(ctx, req, list, first, rest.slice(1));
    case 'defaultview': {
      const view = catalog.views(list).find((v) => v.isDefault);
      if (!view) throw spErrors.viewNotFound();
      return viewRoutes(ctx, req, list, view, rest.slice(1));
    }
    case 'rootfolder':
      requireMethod(req, ['GET'], 'RootFolder');
      return entity(ctx, req, 'SP.ApiData.Folders', folderEntity(ctx.site, list));
    case 'itemcount':
      return ok(req.flavour === 'verbose' ? { d: { ItemCount: ctx.store.items.count(list) } } : { value: ctx.store.items.count(list) });
  }
  throw spErrors.resourceNotFound(first.raw);
}

function fields(ctx: ApiContext, req: ApiRequest, list: ListRecord, segment: PathSegment, rest: PathSegment[]): ApiResult {
  const catalog = ctx.store.catalog;
  const listUrl = listRootOf(ctx.site, list);
  let field: FieldRecord | undefined;
  let tail = rest;
  if (segment.args !== null) {
    const id = stringArg(segment.args) ?? segment.args;
    field = catalog.fieldById(list, id);
    if (!field) throw spErrors.fieldNotFound(id, listUrl);
  } else if (rest[0]) {
    const selector = rest[0];
    tail = rest.slice(1);
    switch (selector.name) {
      case 'getbyinternalnameortitle':
      case 'getbytitle':
      case 'getbyid': {
        const name = stringArg(selector.args) ?? '';
        field = selector.name === 'getbyid' ? catalog.fieldById(list, name) : catalog.field(list, name);
        if (!field) throw spErrors.fieldNotFound(name, listUrl);
        break;
      }
      case 'addfield': {
        requireMethod(req, ['POST'], 'AddField');
        const parameters = (req.body?.parameters ?? {}) as Record<string, unknown>;
        return addField(ctx, req, list, parameters);
      }
      default:
        throw spErrors.resourceNotFound(selector.raw);
    }
  }
  if (!field) {
    if (req.method === 'POST') return addField(ctx, req, list, req.body ?? {});
    requireMethod(req, ['GET'], 'fields');
    return collection(ctx, req, 'SP.ApiData.Fields', catalog.fields(list).map((f) => fieldEntity(ctx.site, list, f)));
  }
  if (tail.length > 0) throw spErrors.resourceNotFound(tail[0].raw);
  switch (req.method) {
    case 'GET':
      return entity(ctx, req, 'SP.ApiData.Fields', fieldEntity(ctx.site, list, field));
    case 'MERGE':
    case 'PATCH': {
      const body = { ...(req.body ?? {}) };
      delete body.__metadata;
      const { Indexed, EnforceUniqueValues, Title, ...props } = body;
      catalog.updateField(list, field, {
        indexed: typeof Indexed === 'boolean' ? Indexed : undefined,
        unique: typeof EnforceUniqueValues === 'boolean' ? EnforceUniqueValues : undefined,
        title: typeof Title === 'string' ? Title : undefined,
        props,
      });
      return noContent();
    }
    case 'DELETE':
      catalog.deleteField(list, field);
      return { status: 200, body: null };
    default:
      throw spErrors.methodNotAllowed(req.method, field.internalName);
  }
}

/** Adds a field from PnPjs' `fields.add*` body (verbose, `__metadata.type`) or `AddField` parameters. */
function addField(ctx: ApiContext, req: ApiRequest, list: ListRecord, body: Record<string, unknown>): ApiResult {
  const { __metadata, Title, FieldTypeKind, Indexed, EnforceUniqueValues, ...props } = body;
  const title = typeof Title === 'string' ? Title.trim() : '';
  if (!title) throw spErrors.badRequest('A new field needs a Title.');
  const odataType = (__metadata as { type?: string } | undefined)?.type;
  let kind: FieldKind | undefined = FieldTypeKind !== undefined ? kindOfTypeKind(Number(FieldTypeKind)) : odataType ? kindOfODataType(odataType) : undefined;
  if (!kind && odataType && FieldTypeKind === undefined) kind = kindOfODataType(odataType);
  if (!kind) {
    throw spErrors.badRequest(
      `The embedded server does not support FieldTypeKind ${String(FieldTypeKind ?? odataType)}. Supported: 2 text, 3 note, 4 date-time, 6 choice, 8 boolean, 9 number, 20 person.`,
    );
  }
  const catalog = ctx.store.catalog;
  let field = catalog.addField(list, title, kind, props);
  if (Indexed === true || EnforceUniqueValues === true) {
    catalog.updateField(list, field, { indexed: Indexed === true || EnforceUniqueValues === true, unique: EnforceUniqueValues === true });
    field = catalog.field(list, field.internalName)!;
  }
  const result = entity(ctx, req, 'SP.ApiData.Fields', fieldEntity(ctx.site, list, field));
  return { ...result, status: 201 };
}

function views(ctx: ApiContext, req: ApiRequest, list: ListRecord, segment: PathSegment, rest: PathSegment[]): ApiResult {
  const catalog = ctx.store.catalog;
  if (segment.args !== null) {
    const view = catalog.viewById(list, stringArg(segment.args) ?? segment.args);
    if (!view) throw spErrors.viewNotFound();
    return viewRoutes(ctx, req, list, view, rest);
  }
  const [selector, ...tail] = rest;
  if (!selector) {
    if (req.method === 'POST') return addView(ctx, req, list);
    requireMethod(req, ['GET'], 'views');
    return collection(ctx, req, 'SP.ApiData.Views', catalog.views(list).map((v) => viewEntity(ctx.site, list, v)));
  }
  let view: ViewRecord | undefined;
  if (selector.name === 'getbytitle') view = catalog.view(list, stringArg(selector.args) ?? '');
  else if (selector.name === 'getbyid') view = catalog.viewById(list, stringArg(selector.args) ?? '');
  else throw spErrors.resourceNotFound(selector.raw);
  if (!view) throw spErrors.viewNotFound();
  return viewRoutes(ctx, req, list, view, tail);
}

/** Checks that a ViewQuery is CAML the server can apply, so a bad view fails when it is made, not when it is opened. */
function checkViewQuery(viewQuery: string): void {
  try {
    parseCaml(`<View><Query>${viewQuery}</Query></View>`);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw spErrors.badQuery(`The ViewQuery is not valid CAML: ${error.message}. Send the inner XML of <Query>, e.g. <Where>…</Where><OrderBy>…</OrderBy>.`);
    throw error;
  }
}

function addView(ctx: ApiContext, req: ApiRequest, list: ListRecord): ApiResult {
  const body = req.body ?? {};
  const title = typeof body.Title === 'string' ? body.Title.trim() : '';
  if (!title) throw spErrors.badRequest('A new view needs a Title.');
  const viewQuery = typeof body.ViewQuery === 'string' ? body.ViewQuery : '';
  checkViewQuery(viewQuery);
  const viewFields = Array.isArray(body.ViewFields) ? body.ViewFields.map(String) : ['LinkTitle'];
  const view = ctx.store.catalog.addView(list, {
    title,
    viewQuery,
    rowLimit: Number(body.RowLimit ?? 30),
    personal: body.PersonalView === true,
    isDefault: body.DefaultView === true,
    paged: body.Paged !== false,
    viewFields,
  });
  const result = entity(ctx, req, 'SP.ApiData.Views', viewEntity(ctx.site, list, view));
  return { ...result, status: 201 };
}

function viewRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, view: ViewRecord, rest: PathSegment[]): ApiResult {
  const [first] = rest;
  if (first) {
    if (first.name === 'viewfields') {
      requireMethod(req, ['GET'], 'ViewFields');
      return entity(ctx, req, 'SP.ApiData.ViewFieldCollections', viewFieldsEntity(ctx.site, list, view));
    }
    throw spErrors.resourceNotFound(first.raw);
  }
  switch (req.method) {
    case 'GET':
      return entity(ctx, req, 'SP.ApiData.Views', viewEntity(ctx.site, list, view));
    case 'MERGE':
    case 'PATCH': {
      const body = req.body ?? {};
      if (typeof body.ViewQuery === 'string') checkViewQuery(body.ViewQuery);
      ctx.store.catalog.updateView(list, view, {
        title: typeof body.Title === 'string' ? body.Title : undefined,
        viewQuery: typeof body.ViewQuery === 'string' ? body.ViewQuery : undefined,
        rowLimit: body.RowLimit !== undefined ? Number(body.RowLimit) : undefined,
        isDefault: typeof body.DefaultView === 'boolean' ? body.DefaultView : undefined,
        paged: typeof body.Paged === 'boolean' ? body.Paged : undefined,
      });
      return noContent();
    }
    case 'DELETE':
      ctx.store.catalog.deleteView(view);
      return { status: 200, body: null };
    default:
      throw spErrors.methodNotAllowed(req.method, view.title);
  }
}
