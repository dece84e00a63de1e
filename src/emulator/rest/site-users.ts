import { spErrors } from '../sp-error';
import { Permission } from '../store/site-security';
import { emailOfLogon, type SiteUser } from '../store/site-users';
import type { ApiContext, ApiRequest, ApiResult } from './api-context';
import { numberArg, stringArg, type PathSegment } from './api-path';
import { groupEntity } from './principals';
import { siteUserEntity } from './principals';
import { collection, entity, requireMethod, voidResult } from './respond';
import { demand, ownerTitleOf } from './security';

/** A user named by a path: `(5)`, `('i:0#.f|membership|…')`, `getById(5)`, `getByEmail('…')`, `getByLoginName('…')`. */
export function userBySelector(ctx: ApiContext, segment: PathSegment, selector: PathSegment | undefined): { user: SiteUser | undefined; used: number } | null {
  const users = ctx.store.users;
  if (segment.args !== null) {
    const logon = stringArg(segment.args);
    return { user: logon !== null ? users.byEmail(emailOfLogon(logon) ?? '') : users.byId(numberArg(segment.args) ?? -1), used: 0 };
  }
  if (!selector) return null;
  if (selector.name === 'getbyid') return { user: users.byId(numberArg(selector.args) ?? -1), used: 1 };
  if (selector.name === 'getbyemail') return { user: users.byEmail(stringArg(selector.args) ?? ''), used: 1 };
  if (selector.name === 'getbyloginname') return { user: users.byEmail(emailOfLogon(stringArg(selector.args) ?? '') ?? ''), used: 1 };
  return null;
}

/** One user's routes: GET, MERGE (Title), DELETE, and `groups`. */
export function oneUserRoutes(ctx: ApiContext, req: ApiRequest, user: SiteUser, rest: PathSegment[], onRemove?: (user: SiteUser) => void): ApiResult {
  const [next] = rest;
  if (next?.name === 'groups') {
    requireMethod(req, ['GET'], 'Groups');
    return collection(ctx, req, 'SP.Group', ctx.store.security.groupsOf(user.id).map((g) => groupEntity(ctx.site, g, ownerTitleOf(ctx, g.ownerId))));
  }
  if (next) throw spErrors.resourceNotFound(next.raw);
  switch (req.method) {
    case 'GET':
      return entity(ctx, req, 'SP.User', siteUserEntity(ctx.site, user));
    case 'MERGE':
    case 'PATCH': {
      if (user.id !== ctx.currentUser.id) demand(ctx, { kind: 'web' }, Permission.ManagePermissions);
      const title = req.body?.Title;
      if (title !== undefined) {
        if (typeof title !== 'string' || !title.trim()) throw spErrors.badRequest('A user\'s Title must be a non-empty string.');
        ctx.store.users.rename(user.id, title.trim());
      }
      return { status: 204, body: null };
    }
    case 'DELETE':
      demand(ctx, { kind: 'web' }, Permission.ManagePermissions);
      (onRemove ?? ((u: SiteUser) => removeUser(ctx, u)))(user);
      return { status: 200, body: null };
  }
  throw spErrors.methodNotAllowed(req.method, 'User');
}

function removeUser(ctx: ApiContext, user: SiteUser): void {
  if (user.id === ctx.currentUser.id && user.isSiteAdmin) throw spErrors.badRequest('You cannot remove the site owner you are signed in as.');
  ctx.store.security.forgetPrincipal(user.id);
  ctx.store.users.remove(user.id);
}

/** `web/siteusers…`: the collection, add (POST {LoginName}), one user, removeById, removeByLoginName. */
export function siteUsersRoutes(ctx: ApiContext, req: ApiRequest, segment: PathSegment, more: PathSegment[]): ApiResult {
  const [selector] = more;
  if (selector?.name === 'removebyid' || selector?.name === 'removebyloginname') {
    requireMethod(req, ['POST'], selector.raw);
    demand(ctx, { kind: 'web' }, Permission.ManagePermissions);
    const user = selector.name === 'removebyid' ? ctx.store.users.byId(numberArg(selector.args) ?? -1) : ctx.store.users.byEmail(emailOfLogon(stringArg(selector.args) ?? '') ?? '');
    if (!user) throw spErrors.userNotFound();
    removeUser(ctx, user);
    return voidResult(req, selector.name === 'removebyid' ? 'RemoveById' : 'RemoveByLoginName');
  }
  const found = userBySelector(ctx, segment, selector);
  if (!found) {
    if (selector) throw spErrors.resourceNotFound(selector.raw);
    if (req.method === 'POST') {
      demand(ctx, { kind: 'web' }, Permission.ManagePermissions);
      const logon = typeof req.body?.LoginName === 'string' ? req.body.LoginName : '';
      const email = emailOfLogon(logon);
      if (!email) throw spErrors.userCannotBeResolved(logon);
      return { ...entity(ctx, req, 'SP.User', siteUserEntity(ctx.site, ctx.store.users.ensure(email))), status: 201 };
    }
    requireMethod(req, ['GET'], 'SiteUsers');
    return collection(ctx, req, 'SP.User', ctx.store.users.all().map((u) => siteUserEntity(ctx.site, u)));
  }
  if (!found.user) throw spErrors.userNotFound();
  return oneUserRoutes(ctx, req, found.user, more.slice(found.used));
}
