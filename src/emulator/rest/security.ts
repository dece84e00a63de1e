import { SpError, spErrors } from '../sp-error';
import { grants, Permission, type BasePermissions, type SecurableScope } from '../store/site-security';
import { emailOfLogon } from '../store/site-users';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { numberArg, stringArg, type PathSegment } from './api-path';
import type { EntityValue } from './odata-json';
import { basePermissionsBody, groupEntity, roleAssignmentEntity, roleDefinitionEntity, siteUserEntity } from './principals';
import { collection, entity, requireMethod, voidResult } from './respond';

/** SharePoint's answer when the caller lacks the permission. */
export function accessDenied(): SpError {
  return new SpError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');
}

/** Refuses the call unless the current user holds `kind` at `scope`. */
export function demand(ctx: ApiContext, scope: SecurableScope, kind: number): void {
  if (!grants(ctx.store.security.effectivePermissions(ctx.currentUser, scope), kind)) throw accessDenied();
}

/** The REST path of a scope, for entity links. */
function scopePath(scope: SecurableScope): string {
  if (scope.kind === 'web') return 'Web';
  if (scope.kind === 'list') return `Web/Lists(guid'${scope.listId}')`;
  return `Web/Lists(guid'${scope.listId}')/Items(${scope.itemId})`;
}

/** A principal (user or group) as an entity, or undefined when the id names neither. */
export function principalEntity(ctx: ApiContext, id: number): EntityValue | undefined {
  const user = ctx.store.users.byId(id);
  if (user) return siteUserEntity(ctx.site, user);
  const group = ctx.store.security.group(id);
  if (group) return groupEntity(ctx.site, group, ownerTitleOf(ctx, group.ownerId));
  return undefined;
}

/** The title of a group's owner (a user or a group). */
export function ownerTitleOf(ctx: ApiContext, ownerId: number | null): string {
  if (ownerId === null) return '';
  return ctx.store.users.byId(ownerId)?.title ?? ctx.store.security.group(ownerId)?.title ?? '';
}

function boolArg(args: string | null, name: string): boolean {
  const match = new RegExp(`${name}\\s*=\\s*(true|false)`, 'i').exec(args ?? '');
  return match ? match[1].toLowerCase() === 'true' : false;
}

function namedNumber(args: string | null, name: string): number | null {
  const match = new RegExp(`${name}\\s*=\\s*(\\d+)`, 'i').exec(args ?? '');
  return match ? Number(match[1]) : null;
}

function expandOf(req: ApiRequest): Set<string> {
  return new Set((req.url.searchParams.get('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

function assignmentValue(ctx: ApiContext, req: ApiRequest, scope: SecurableScope, principalId: number, roleDefIds: number[]): EntityValue {
  const expand = expandOf(req);
  const security = ctx.store.security;
  return roleAssignmentEntity(ctx.site, scopePath(scope), principalId, {
    member: expand.has('member') ? principalEntity(ctx, principalId) : undefined,
    bindings: expand.has('roledefinitionbindings') ? roleDefIds.map((id) => security.roleDefinition(id)).filter((r) => r !== undefined).map((r) => roleDefinitionEntity(ctx.site, r)) : undefined,
  });
}

function maskResult(req: ApiRequest, name: string, mask: BasePermissions): ApiResult {
  return ok(basePermissionsBody(req.flavour, name, mask));
}

/**
 * The securable-object routes every web, list and item has: `roleassignments` (add,
 * remove, getByPrincipalId), `breakroleinheritance`, `resetroleinheritance`,
 * `hasuniqueroleassignments`, `effectivebasepermissions` (and `effectivebasepermissionsforui` on items), `getusereffectivepermissions`,
 * `firstuniqueancestorsecurableobject`. Undefined when the segment is none of them.
 */
export function securableRoutes(ctx: ApiContext, req: ApiRequest, scope: SecurableScope, segment: PathSegment, more: PathSegment[]): ApiResult | undefined {
  const security = ctx.store.security;
  switch (segment.name) {
    case 'roleassignments': {
      const [action] = more;
      const principal = segment.args !== null ? numberArg(segment.args) : null;
      if (!action && principal === null) {
        requireMethod(req, ['GET'], 'RoleAssignments');
        return collection(ctx, req, 'SP.RoleAssignment', security.roleAssignments(scope).map((a) => assignmentValue(ctx, req, scope, a.principalId, a.roleDefIds)));
      }
      if (principal !== null || action.name === 'getbyprincipalid') {
        const id = principal ?? numberArg(action.args) ?? -1;
        const found = security.roleAssignments(scope).find((a) => a.principalId === id);
        if (!found) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'Can not find the principal with id: ' + id + '.');
        if (req.method === 'DELETE') {
          demand(ctx, scope, Permission.ManagePermissions);
          security.removeRoleAssignment(scope, id, null);
          return { status: 200, body: null };
        }
        const tail = principal !== null ? action : more[1];
        if (tail?.name === 'roledefinitionbindings') {
          return collection(ctx, req, 'SP.RoleDefinition', found.roleDefIds.map((r) => security.roleDefinition(r)).filter((r) => r !== undefined).map((r) => roleDefinitionEntity(ctx.site, r)));
        }
        if (tail?.name === 'member') return entity(ctx, req, 'SP.Principal', principalEntity(ctx, id)!);
        requireMethod(req, ['GET'], 'RoleAssignment');
        return entity(ctx, req, 'SP.RoleAssignment', assignmentValue(ctx, req, scope, id, found.roleDefIds));
      }
      if (action.name === 'addroleassignment' || action.name === 'removeroleassignment') {
        requireMethod(req, ['POST'], action.raw);
        demand(ctx, scope, Permission.ManagePermissions);
        const principalId = namedNumber(action.args, 'principalid');
        const roleDefId = namedNumber(action.args, 'roledefid');
        if (principalId === null || roleDefId === null) throw spErrors.badRequest(`${action.raw} needs principalid and roledefid, as in addroleassignment(principalid=7,roledefid=1073741827).`);
        if (!principalEntity(ctx, principalId)) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'Can not find the principal with id: ' + principalId + '.');
        if (!security.roleDefinition(roleDefId)) throw new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Cannot find the role definition with id: ' + roleDefId + '.');
        if (action.name === 'addroleassignment') security.addRoleAssignment(scope, principalId, roleDefId);
        else security.removeRoleAssignment(scope, principalId, roleDefId);
        return voidResult(req, action.name === 'addroleassignment' ? 'AddRoleAssignment' : 'RemoveRoleAssignment');
      }
      throw spErrors.resourceNotFound(action.raw);
    }
    case 'breakroleinheritance':
      requireMethod(req, ['POST'], 'BreakRoleInheritance');
      demand(ctx, scope, Permission.ManagePermissions);
      if (scope.kind === 'web') throw spErrors.badRequest('This web is the root web of its site: it always holds its own permissions.');
      security.breakInheritance(scope, boolArg(segment.args, 'copyroleassignments'), boolArg(segment.args, 'clearsubscopes'));
      return voidResult(req, 'BreakRoleInheritance');
    case 'resetroleinheritance':
      requireMethod(req, ['POST'], 'ResetRoleInheritance');
      demand(ctx, scope, Permission.ManagePermissions);
      security.resetInheritance(scope);
      return voidResult(req, 'ResetRoleInheritance');
    case 'hasuniqueroleassignments': {
      requireMethod(req, ['GET'], 'HasUniqueRoleAssignments');
      const value = security.hasUniqueRoleAssignments(scope);
      return ok(req.flavour === 'verbose' ? { d: { HasUniqueRoleAssignments: value } } : { value });
    }
    case 'effectivebasepermissions':
      requireMethod(req, ['GET'], 'EffectiveBasePermissions');
      return maskResult(req, 'EffectiveBasePermissions', security.effectivePermissions(ctx.currentUser, scope));
    case 'effectivebasepermissionsforui':
      // SP.ListItem only: the same mask, as the forms show it.
      if (scope.kind !== 'item') return undefined;
      requireMethod(req, ['GET'], 'EffectiveBasePermissionsForUI');
      return maskResult(req, 'EffectiveBasePermissionsForUI', security.effectivePermissions(ctx.currentUser, scope));
    case 'getusereffectivepermissions': {
      requireMethod(req, ['GET', 'POST'], 'GetUserEffectivePermissions');
      const logon = stringArg(segment.args) ?? '';
      const user = ctx.store.users.byEmail(emailOfLogon(logon) ?? '');
      if (!user) throw spErrors.userNotFound();
      return maskResult(req, 'GetUserEffectivePermissions', security.effectivePermissions(user, scope));
    }
    case 'firstuniqueancestorsecurableobject': {
      requireMethod(req, ['GET'], 'FirstUniqueAncestorSecurableObject');
      const ancestor = security.firstUniqueAncestor(scope);
      const path = scopePath(ancestor);
      const value = { HasUniqueRoleAssignments: true };
      const meta = { __metadata: { id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, type: 'SP.SecurableObject' } };
      return ok(req.flavour === 'verbose' ? { d: { ...meta, ...value } } : req.flavour === 'minimal' ? { 'odata.type': 'SP.SecurableObject', 'odata.id': `${ctx.site.siteUrl}/_api/${path}`, 'odata.editLink': path, ...value } : value);
    }
  }
  return undefined;
}

/** `web/roledefinitions`: list, getById/getByName/getByType, add, update (MERGE), delete. */
export function roleDefinitionRoutes(ctx: ApiContext, req: ApiRequest, segment: PathSegment, more: PathSegment[]): ApiResult {
  const security = ctx.store.security;
  let role;
  let tail = more;
  if (segment.args !== null) role = security.roleDefinition(numberArg(segment.args) ?? -1);
  else if (more[0]) {
    const selector = more[0];
    tail = more.slice(1);
    if (selector.name === 'getbyid') role = security.roleDefinition(numberArg(selector.args) ?? -1);
    else if (selector.name === 'getbyname') role = security.roleDefinitionByName(stringArg(selector.args) ?? '');
    else if (selector.name === 'getbytype') role = security.roleDefinitions().find((r) => r.roleTypeKind === numberArg(selector.args));
    else throw spErrors.resourceNotFound(selector.raw);
  } else {
    if (req.method === 'POST') {
      demand(ctx, { kind: 'web' }, Permission.ManagePermissions);
      const body = req.body ?? {};
      const name = typeof body.Name === 'string' ? body.Name.trim() : '';
      if (!name) throw spErrors.badRequest('A new permission level needs a Name.');
      const added = security.addRoleDefinition(name, typeof body.Description === 'string' ? body.Description : '', Number(body.Order ?? 1000), maskOf(body.BasePermissions));
      return { ...entity(ctx, req, 'SP.RoleDefinition', roleDefinitionEntity(ctx.site, added)), status: 201 };
    }
    requireMethod(req, ['GET'], 'RoleDefinitions');
    return collection(ctx, req, 'SP.RoleDefinition', security.roleDefinitions().map((r) => roleDefinitionEntity(ctx.site, r)));
  }
  if (!role) throw new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level does not exist.');
  if (tail.length > 0) throw spErrors.resourceNotFound(tail[0].raw);
  switch (req.method) {
    case 'GET':
      return entity(ctx, req, 'SP.RoleDefinition', roleDefinitionEntity(ctx.site, role));
    case 'MERGE':
    case 'PATCH': {
      demand(ctx, { kind: 'web' }, Permission.ManagePermissions);
      const body = req.body ?? {};
      security.updateRoleDefinition(role, {
        name: typeof body.Name === 'string' ? body.Name : undefined,
        description: typeof body.Description === 'string' ? body.Description : undefined,
        order: body.Order !== undefined ? Number(body.Order) : undefined,
        permissions: body.BasePermissions !== undefined ? maskOf(body.BasePermissions) : undefined,
      });
      return { status: 204, body: null };
    }
    case 'DELETE':
      demand(ctx, { kind: 'web' }, Permission.ManagePermissions);
      security.deleteRoleDefinition(role);
      return { status: 200, body: null };
  }
  throw spErrors.methodNotAllowed(req.method, role.name);
}

function maskOf(value: unknown): BasePermissions {
  const raw = (value ?? {}) as { High?: unknown; Low?: unknown };
  const high = Number(raw.High ?? 0);
  const low = Number(raw.Low ?? 0);
  if (!Number.isFinite(high) || !Number.isFinite(low)) throw spErrors.badRequest('BasePermissions needs numeric High and Low.');
  return { High: high >>> 0, Low: low >>> 0 };
}
