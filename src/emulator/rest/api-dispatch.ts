import { issueDigest } from '../request-digest';
import { spErrors } from '../sp-error';
import type { ListRecord } from '../store/list-catalog';
import { noContent, ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { resolveAliases, stringArg, type PathSegment } from './api-path';
import { getChanges } from './changes';
import { listFieldRoutes, webFieldRoutes } from './fields';
import { checkListBody, listExtraRoutes, recordListChange } from './list-extras';
import { recycleBinRoutes } from './recycle-bin';
import { folderEntity, listEntity, webEntity, withParentWeb } from './entities';
import { handleItems } from './item-routes';
import { listAreaRoutes } from './list-areas';
import { enforcePermissions } from './permission-gate';
import { rootOperations } from './root-operations';
import { webAreaRoutes, webRoot } from './webs';
import type { EntityValue } from './odata-json';
import { collection, entity, requireMethod } from './respond';
import { listViewRoutes, viewCollectionRoutes } from './views';
import { searchApi } from './search';

/** Answers one REST call under `_api/` (not `$batch`, which the caller splits first). */
export function dispatchApi(ctx: ApiContext, request: ApiRequest): ApiResult {
  const req = { ...request, path: resolveAliases(request.path, request.url.searchParams) };
  enforcePermissions(ctx, req);
  const [root, ...rest] = req.path;
  if (!root) return entity(ctx, req, 'SP.Web', webEntity(ctx.site));
  switch (root.name) {
    case 'contextinfo':
      return contextInfo(ctx, req);
    case 'web':
      return web(ctx, req, rest);
    case 'site':
      if (rest.length === 0) return entity(ctx, req, 'SP.Site', webEntity(ctx.site));
      // The site's root web is the web itself here (one web per site).
      if (rest[0].name === 'rootweb') return web(ctx, req, rest.slice(1));
      break;
    case 'search':
      return searchApi(ctx, req, rest);
    case 'sp.userprofiles.peoplemanager':
      break;
  }
  const operation = rootOperations(ctx, req, root);
  if (operation) return operation;
  throw spErrors.resourceNotFound(root.raw);
}

function contextInfo(ctx: ApiContext, req: ApiRequest): ApiResult {
  requireMethod(req, ['POST'], 'contextinfo');
  const info = {
    FormDigestTimeoutSeconds: 1800,
    FormDigestValue: issueDigest(ctx.site.webId, new Date()),
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
  if (!first) return webRoot(ctx, req);
  const own = webAreaRoutes(ctx, req, first, more);
  if (own) return own;
  switch (first.name) {
    case 'lists':
      return lists(ctx, req, first, more);
    case 'fields':
    case 'availablefields':
      return webFieldRoutes(ctx, req, first, more);
    case 'recyclebin':
      return recycleBinRoutes(ctx, req, first, more);
    case 'getchanges':
      return getChanges(ctx, req, null);
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
      checkListBody(body);
      const title = typeof body.Title === 'string' ? body.Title.trim() : '';
      if (!title) throw spErrors.badRequest('A new list needs a Title.');
      const template = Number(body.BaseTemplate ?? 100);
      if (template !== 100) throw spErrors.badRequest(`The embedded server supports custom lists only (BaseTemplate 100), not ${template}.`);
      const list = catalog.create(title, typeof body.Description === 'string' ? body.Description : '', template);
      recordListChange(ctx, list, 'Add');
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
  const value = withParentWeb(ctx.site, listEntity(ctx.site, list, ctx.store.items.count(list), defaultView, expand.includes('rootfolder')), expand);
  value.props.HasUniqueRoleAssignments = ctx.store.security.hasUniqueRoleAssignments({ kind: 'list', listId: list.id });
  return value;
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
        checkListBody(body);
        catalog.update(list, {
          title: typeof body.Title === 'string' ? body.Title : undefined,
          description: typeof body.Description === 'string' ? body.Description : undefined,
        });
        recordListChange(ctx, list, 'Update');
        return noContent();
      }
      case 'DELETE':
        catalog.delete(list);
        ctx.store.items.versions.deleteList(list.seq);
        recordListChange(ctx, list, 'DeleteObject');
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
      return listFieldRoutes(ctx, req, list, first, rest.slice(1));
    case 'views':
      return viewCollectionRoutes(ctx, req, list, first, rest.slice(1));
    case 'defaultview':
    case 'getview':
      return listViewRoutes(ctx, req, list, first, rest.slice(1));
    case 'rootfolder':
      // rootfolder/<anything> is not the folder: other areas answer it, or it is SharePoint's 404.
      if (rest.length > 1) break;
      requireMethod(req, ['GET'], 'RootFolder');
      return entity(ctx, req, 'SP.ApiData.Folders', folderEntity(ctx.site, list));
    case 'itemcount':
      if (rest.length > 1) break;
      return ok(req.flavour === 'verbose' ? { d: { ItemCount: ctx.store.items.count(list) } } : { value: ctx.store.items.count(list) });
  }
  return listAreaRoutes(ctx, req, list, rest) ?? listExtraRoutes(ctx, req, list, rest);
}
