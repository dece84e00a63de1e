import { spErrors } from '../sp-error';
import { Permission } from '../store/site-security';
import { associatedGroups } from '../store/site-security-seed';
import { emailOfLogon } from '../store/site-users';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { numberArg, stringArg, type PathSegment } from './api-path';
import { webEntity } from './entities';
import { EntityValue } from './odata-json';
import { siteUserEntity } from './principals';
import { regionalSettingsRoutes } from './regional-settings';
import { entity, requireMethod } from './respond';
import { demand, roleDefinitionRoutes, securableRoutes } from './security';
import { oneGroupRoutes, siteGroupsRoutes } from './site-groups';
import { oneUserRoutes, siteUsersRoutes } from './site-users';

/** Web properties a MERGE may change; SharePoint refuses any other name. */
const UPDATABLE: Record<string, 'string' | 'boolean' | 'number'> = {
  Title: 'string',
  Description: 'string',
  AlternateCssUrl: 'string',
  SiteLogoUrl: 'string',
  CustomMasterUrl: 'string',
  MasterUrl: 'string',
  QuickLaunchEnabled: 'boolean',
  TreeViewEnabled: 'boolean',
  EnableMinimalDownload: 'boolean',
  CommentsOnSitePagesDisabled: 'boolean',
  UIVersion: 'number',
};

function storedProps(ctx: ApiContext): Record<string, unknown> {
  const row = ctx.store.db.prepare("SELECT value FROM site_meta WHERE key = 'webProps'").get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
}

/** The web with what MERGE changed and the properties SharePoint adds for every web. */
export function webValue(ctx: ApiContext): EntityValue {
  const base = webEntity(ctx.site);
  const props: Record<string, unknown> = {
    AllowRssFeeds: true,
    AlternateCssUrl: '',
    AppInstanceId: '00000000-0000-0000-0000-000000000000',
    CommentsOnSitePagesDisabled: false,
    CustomMasterUrl: `${ctx.site.sitePath}/_catalogs/masterpage/seattle.master`,
    EnableMinimalDownload: false,
    IsMultilingual: false,
    MasterUrl: `${ctx.site.sitePath}/_catalogs/masterpage/seattle.master`,
    QuickLaunchEnabled: true,
    RecycleBinEnabled: true,
    SiteLogoUrl: '',
    TreeViewEnabled: false,
    UIVersion: 15,
    ...base.props,
    Language: 2057,
    ...storedProps(ctx),
  };
  return new EntityValue(base.meta, props);
}

/** `_api/web` itself: GET, and MERGE of its properties (needs Manage Web). */
export function webRoot(ctx: ApiContext, req: ApiRequest): ApiResult {
  if (req.method === 'GET') return entity(ctx, req, 'SP.Web', webValue(ctx));
  requireMethod(req, ['MERGE', 'PATCH'], 'web');
  demand(ctx, { kind: 'web' }, Permission.ManageWeb);
  const body = { ...(req.body ?? {}) };
  delete body.__metadata;
  const next = storedProps(ctx);
  for (const [name, value] of Object.entries(body)) {
    const kind = UPDATABLE[name];
    if (!kind) throw spErrors.unknownBodyProperty(name, 'SP.Web');
    if (typeof value !== kind) throw spErrors.badValue(kind === 'string' ? 'Edm.String' : kind === 'boolean' ? 'Edm.Boolean' : 'Edm.Int32', `${name} = ${JSON.stringify(value)}`);
    if (name === 'Title' && (!(value as string).trim() || (value as string).length > 255)) throw spErrors.badRequest('The web Title must be 1 to 255 characters.');
    next[name] = value;
  }
  ctx.store.db.prepare("INSERT OR REPLACE INTO site_meta (key, value) VALUES ('webProps', ?)").run(JSON.stringify(next));
  return { status: 204, body: null };
}

/**
 * The web's people, groups, permissions and settings: `currentuser`, `siteusers`,
 * `getuserbyid`, `ensureuser`, `sitegroups`, `associated*group`, `roledefinitions`, the
 * securable routes, `regionalsettings`, `allproperties`, `siteuserinfolist`. Undefined
 * for any other segment.
 */
export function webAreaRoutes(ctx: ApiContext, req: ApiRequest, first: PathSegment, more: PathSegment[]): ApiResult | undefined {
  const users = ctx.store.users;
  switch (first.name) {
    case 'currentuser':
      return oneUserRoutes(ctx, req, ctx.store.users.byId(ctx.currentUser.id) ?? ctx.currentUser, more);
    case 'siteusers':
      return siteUsersRoutes(ctx, req, first, more);
    case 'getuserbyid': {
      const user = users.byId(numberArg(first.args) ?? -1);
      if (!user) throw spErrors.userNotFound();
      return oneUserRoutes(ctx, req, user, more);
    }
    case 'ensureuser': {
      requireMethod(req, ['POST'], 'ensureuser');
      const logon = stringArg(first.args) ?? (typeof req.body?.logonName === 'string' ? req.body.logonName : null);
      if (!logon) throw spErrors.badRequest("ensureuser needs a body { logonName: 'i:0#.f|membership|<email>' } or a plain e-mail.");
      const email = emailOfLogon(logon);
      if (!email) throw spErrors.userCannotBeResolved(logon);
      return entity(ctx, req, 'SP.User', siteUserEntity(ctx.site, users.ensure(email)));
    }
    case 'sitegroups':
      return siteGroupsRoutes(ctx, req, first, more);
    case 'associatedownergroup':
    case 'associatedmembergroup':
    case 'associatedvisitorgroup': {
      const groups = associatedGroups(ctx.store.db, ctx.store.security);
      if (!groups) throw spErrors.resourceNotFound(first.raw);
      const group = first.name === 'associatedownergroup' ? groups.owners : first.name === 'associatedmembergroup' ? groups.members : groups.visitors;
      return oneGroupRoutes(ctx, req, group, more);
    }
    case 'roledefinitions':
      return roleDefinitionRoutes(ctx, req, first, more);
    case 'regionalsettings':
      return regionalSettingsRoutes(ctx, req, more);
    case 'allproperties': {
      requireMethod(req, ['GET'], 'AllProperties');
      const values = { vti_x005f_defaultlanguage: 'en-gb', vti_x005f_createdassociategroups: groupIdsText(ctx), vti_x005f_associateownergroup: String(associatedGroups(ctx.store.db, ctx.store.security)?.owners.id ?? '') };
      return ok(req.flavour === 'verbose' ? { d: { __metadata: { type: 'SP.PropertyValues' }, ...values } } : values);
    }
    case 'siteuserinfolist': {
      requireMethod(req, ['GET'], 'SiteUserInfoList');
      const path = `Web/Lists(guid'${ctx.site.userInfoListId}')`;
      return entity(
        ctx,
        req,
        'SP.List',
        new EntityValue(
          { type: 'SP.List', id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, editLink: path },
          { BaseTemplate: 112, BaseType: 0, Hidden: true, Id: ctx.site.userInfoListId, ItemCount: users.all().length, Title: 'User Information List', EntityTypeName: 'UserInfo' },
        ),
      );
    }
  }
  return securableRoutes(ctx, req, { kind: 'web' }, first, more);
}

function groupIdsText(ctx: ApiContext): string {
  const groups = associatedGroups(ctx.store.db, ctx.store.security);
  return groups ? `${groups.owners.id};${groups.members.id};${groups.visitors.id}` : '';
}
