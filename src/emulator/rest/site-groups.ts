import { SpError, spErrors } from '../sp-error';
import { Permission, type SiteGroup } from '../store/site-security';
import { emailOfLogon } from '../store/site-users';
import type { ApiContext, ApiRequest, ApiResult } from './api-context';
import { numberArg, stringArg, type PathSegment } from './api-path';
import { groupEntity, siteUserEntity } from './principals';
import { collection, entity, requireMethod, voidResult } from './respond';
import { demand, ownerTitleOf } from './security';
import { oneUserRoutes, userBySelector } from './site-users';

function groupNotFound(): SpError {
  return new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
}

function render(ctx: ApiContext, req: ApiRequest, group: SiteGroup): ApiResult {
  return entity(ctx, req, 'SP.Group', groupEntity(ctx.site, group, ownerTitleOf(ctx, group.ownerId)));
}

/** Who may change a group: its owner, the owner group's members, or whoever manages permissions. */
function demandGroupOwner(ctx: ApiContext, group: SiteGroup): void {
  if (group.ownerId === ctx.currentUser.id) return;
  if (group.ownerId !== null && ctx.store.security.memberIds(group.ownerId).includes(ctx.currentUser.id)) return;
  demand(ctx, { kind: 'web' }, Permission.ManagePermissions);
}

/** `web/sitegroups…`: the collection, add, getById/getByName/(id), removeById/removeByLoginName, update, users, SetUserAsOwner. */
export function siteGroupsRoutes(ctx: ApiContext, req: ApiRequest, segment: PathSegment, more: PathSegment[]): ApiResult {
  const security = ctx.store.security;
  const [selector] = more;
  let group: SiteGroup | undefined;
  let rest = more;
  if (segment.args !== null) group = security.group(numberArg(segment.args) ?? -1);
  else if (selector) {
    rest = more.slice(1);
    switch (selector.name) {
      case 'getbyid':
        group = security.group(numberArg(selector.args) ?? -1);
        break;
      case 'getbyname':
        group = security.groupByTitle(stringArg(selector.args) ?? '');
        break;
      case 'removebyid':
      case 'removebyloginname': {
        requireMethod(req, ['POST'], selector.raw);
        const target = selector.name === 'removebyid' ? security.group(numberArg(selector.args) ?? numberArg(stringArg(selector.args)) ?? -1) : security.groupByTitle(stringArg(selector.args) ?? '');
        if (!target) throw groupNotFound();
        demandGroupOwner(ctx, target);
        security.deleteGroup(target);
        return voidResult(req, selector.name === 'removebyid' ? 'RemoveById' : 'RemoveByLoginName');
      }
      default:
        throw spErrors.resourceNotFound(selector.raw);
    }
  } else {
    if (req.method === 'POST') {
      demand(ctx, { kind: 'web' }, Permission.CreateGroups);
      const body = req.body ?? {};
      const title = typeof body.Title === 'string' ? body.Title : '';
      const added = security.addGroup(title, typeof body.Description === 'string' ? body.Description : '', ctx.currentUser.id);
      security.addMember(added.id, ctx.currentUser.id);
      return { ...render(ctx, req, added), status: 201 };
    }
    requireMethod(req, ['GET'], 'SiteGroups');
    return collection(ctx, req, 'SP.Group', security.groups().map((g) => groupEntity(ctx.site, g, ownerTitleOf(ctx, g.ownerId))));
  }
  if (!group) throw groupNotFound();
  return oneGroupRoutes(ctx, req, group, rest);
}

/** One group: GET, MERGE (Title, Description), DELETE, `users`, `owner`, `SetUserAsOwner(id)`. */
export function oneGroupRoutes(ctx: ApiContext, req: ApiRequest, group: SiteGroup, rest: PathSegment[]): ApiResult {
  const security = ctx.store.security;
  const [next, ...after] = rest;
  if (!next) {
    switch (req.method) {
      case 'GET':
        return render(ctx, req, group);
      case 'MERGE':
      case 'PATCH': {
        demandGroupOwner(ctx, group);
        const body = req.body ?? {};
        security.updateGroup(group, { title: typeof body.Title === 'string' ? body.Title : undefined, description: typeof body.Description === 'string' ? body.Description : undefined });
        return { status: 204, body: null };
      }
      case 'DELETE':
        demandGroupOwner(ctx, group);
        security.deleteGroup(group);
        return { status: 200, body: null };
    }
    throw spErrors.methodNotAllowed(req.method, group.title);
  }
  switch (next.name) {
    case 'setuserasowner': {
      requireMethod(req, ['POST'], 'SetUserAsOwner');
      demandGroupOwner(ctx, group);
      const ownerId = numberArg(next.args) ?? -1;
      if (!ctx.store.users.byId(ownerId) && !security.group(ownerId)) throw spErrors.userNotFound();
      security.updateGroup(group, { ownerId });
      return voidResult(req, 'SetUserAsOwner');
    }
    case 'owner': {
      requireMethod(req, ['GET'], 'Owner');
      const owner = group.ownerId === null ? undefined : ctx.store.users.byId(group.ownerId);
      if (owner) return entity(ctx, req, 'SP.Principal', siteUserEntity(ctx.site, owner));
      const ownerGroup = group.ownerId === null ? undefined : security.group(group.ownerId);
      if (!ownerGroup) throw spErrors.userNotFound();
      return render(ctx, req, ownerGroup);
    }
    case 'users':
      return groupUsers(ctx, req, group, next, after);
  }
  throw spErrors.resourceNotFound(next.raw);
}

function groupUsers(ctx: ApiContext, req: ApiRequest, group: SiteGroup, segment: PathSegment, more: PathSegment[]): ApiResult {
  const security = ctx.store.security;
  const [selector] = more;
  if (selector?.name === 'removebyid' || selector?.name === 'removebyloginname') {
    requireMethod(req, ['POST'], selector.raw);
    demandGroupOwner(ctx, group);
    const user = selector.name === 'removebyid' ? ctx.store.users.byId(numberArg(selector.args) ?? -1) : ctx.store.users.byEmail(emailOfLogon(stringArg(selector.args) ?? '') ?? '');
    if (!user) throw spErrors.userNotFound();
    security.removeMember(group.id, user.id);
    return voidResult(req, selector.name === 'removebyid' ? 'RemoveById' : 'RemoveByLoginName');
  }
  const found = userBySelector(ctx, segment, selector);
  if (!found) {
    if (selector) throw spErrors.resourceNotFound(selector.raw);
    if (req.method === 'POST') {
      demandGroupOwner(ctx, group);
      const logon = typeof req.body?.LoginName === 'string' ? req.body.LoginName : '';
      const email = emailOfLogon(logon);
      if (!email) throw spErrors.userCannotBeResolved(logon);
      const user = ctx.store.users.ensure(email);
      security.addMember(group.id, user.id);
      return { ...entity(ctx, req, 'SP.User', siteUserEntity(ctx.site, user)), status: 201 };
    }
    requireMethod(req, ['GET'], 'Users');
    const members = new Set(security.memberIds(group.id));
    return collection(ctx, req, 'SP.User', ctx.store.users.all().filter((u) => members.has(u.id)).map((u) => siteUserEntity(ctx.site, u)));
  }
  if (!found.user || !security.memberIds(group.id).includes(found.user.id)) throw spErrors.userNotFound();
  return oneUserRoutes(ctx, req, found.user, more.slice(found.used), (user) => {
    demandGroupOwner(ctx, group);
    security.removeMember(group.id, user.id);
  });
}
