import { grants, Permission, type SecurableScope } from '../store/site-security';
import type { ListRecord } from '../store/list-catalog';
import type { ApiContext, ApiRequest } from './api-context';
import { numberArg, stringArg, type PathSegment } from './api-path';
import { demand } from './security';

/** The calls that change nothing though they are POSTs. */
const READ_POSTS = new Set(['getitems', 'renderlistdataasstream', 'renderlistdata', 'renderlistformdata', 'getchanges', 'getlistitemchangessincetoken', 'utctolocaltime', 'localtimetoutc', 'getusereffectivepermissions', 'reservelistitemid']);
const SECURITY_SEGMENTS = new Set(['roleassignments', 'breakroleinheritance', 'resetroleinheritance']);

function isRead(req: ApiRequest, path: PathSegment[]): boolean {
  return req.method === 'GET' || req.method === 'HEAD' || path.some((s) => READ_POSTS.has(s.name));
}

/** The list a path names (`lists/getByTitle('…')`, `lists(guid'…')`, `getList('…')`) and what follows it. */
function listOf(ctx: ApiContext, path: PathSegment[]): { list: ListRecord; rest: PathSegment[] } | null {
  const [first, second, ...more] = path;
  const catalog = ctx.store.catalog;
  if (!first) return null;
  if (first.name === 'lists' && first.args !== null) {
    const list = catalog.byId(stringArg(first.args) ?? first.args);
    return list ? { list, rest: path.slice(1) } : null;
  }
  if (first.name === 'lists' && second?.name === 'getbytitle') {
    const list = catalog.byTitle(stringArg(second.args) ?? '');
    return list ? { list, rest: more } : null;
  }
  if (first.name === 'lists' && second?.name === 'getbyid') {
    const list = catalog.byId(stringArg(second.args) ?? '');
    return list ? { list, rest: more } : null;
  }
  if (first.name === 'getlist') {
    const name = (stringArg(first.args) ?? '').replace(/\/+$/, '').split('/').pop() ?? '';
    const list = catalog.byUrlName(name);
    return list ? { list, rest: path.slice(1) } : null;
  }
  return null;
}

/** `items(5)…` or `items/getById(5)…` → 5. */
function itemIdOf(rest: PathSegment[]): { id: number | null; after: PathSegment[] } {
  const [items, second] = rest;
  if (!items || items.name !== 'items') return { id: null, after: rest.slice(1) };
  if (items.args !== null) return { id: numberArg(items.args), after: rest.slice(1) };
  if (second?.name === 'getbyid') return { id: numberArg(second.args), after: rest.slice(2) };
  return { id: null, after: rest.slice(1) };
}

/**
 * Enforces SharePoint's permissions on one REST call before it runs: which scope (web,
 * list or item) it touches and which permission that needs. Unknown lists and items pass
 * through so the handlers answer their own 404s. Effective permissions are cached in the
 * store, so this is one map lookup for most calls.
 */
export function enforcePermissions(ctx: ApiContext, req: ApiRequest): void {
  if (ctx.currentUser.isSiteAdmin) return;
  let path = req.path;
  if (path[0]?.name === 'contextinfo') return;
  if (path[0]?.name === 'site') path = path[1]?.name === 'rootweb' ? [{ name: 'web', args: null, raw: 'web' }, ...path.slice(2)] : path;
  if (path[0]?.name !== 'web') return demand(ctx, { kind: 'web' }, Permission.Open);
  const inWeb = path.slice(1);
  const read = isRead(req, inWeb);
  const found = listOf(ctx, inWeb);
  if (!found) {
    const first = inWeb[0]?.name;
    if (read) return demand(ctx, { kind: 'web' }, Permission.Open);
    // Users manage their own name; ensureuser is what people pickers call; security routes check themselves.
    if (first === 'currentuser' || first === 'ensureuser' || (first !== undefined && SECURITY_SEGMENTS.has(first))) return;
    if (first === 'roledefinitions' || first === 'sitegroups' || first === 'siteusers') return;
    if (first === 'lists' || first === 'fields') return demand(ctx, { kind: 'web' }, Permission.ManageLists);
    return demand(ctx, { kind: 'web' }, first === undefined ? Permission.ManageWeb : Permission.AddListItems);
  }
  const { list, rest } = found;
  const listScope: SecurableScope = { kind: 'list', listId: list.id };
  if (rest.some((s) => SECURITY_SEGMENTS.has(s.name)) && !read) return;
  const { id, after } = itemIdOf(rest);
  if (id !== null) {
    const scope: SecurableScope = { kind: 'item', listId: list.id, itemId: id };
    if (read) return demand(ctx, scope, Permission.ViewListItems);
    const action = after[0]?.name;
    if (req.method === 'DELETE' || action === 'recycle') return demand(ctx, scope, Permission.DeleteListItems);
    // Comments and likes need only read access, as in SharePoint.
    if (action === 'comments' || action === 'likedby' || action === 'like' || action === 'unlike') return demand(ctx, scope, Permission.ViewListItems);
    return demand(ctx, scope, Permission.EditListItems);
  }
  if (read) return demand(ctx, listScope, Permission.ViewListItems);
  if (rest[0]?.name === 'items' || rest[0]?.name === 'additemusingpath' || rest[0]?.name === 'addvalidateupdateitemusingpath') return demand(ctx, listScope, Permission.AddListItems);
  return demand(ctx, listScope, Permission.ManageLists);
}

/**
 * Security trimming, as SharePoint does it: of the rows a query found, those the current
 * user may see. Only items with their own permissions need a check; a list without any
 * (the usual case) returns the rows untouched at the cost of one set scan.
 */
export function visibleRows<T extends { ID: number }>(ctx: ApiContext, list: ListRecord, rows: T[]): T[] {
  const security = ctx.store.security;
  if (ctx.currentUser.isSiteAdmin || !security.listHasUniqueItems(list.id)) return rows;
  return rows.filter((row) => {
    const scope: SecurableScope = { kind: 'item', listId: list.id, itemId: row.ID };
    return !security.hasUniqueRoleAssignments(scope) || grants(security.effectivePermissions(ctx.currentUser, scope), Permission.ViewListItems);
  });
}
