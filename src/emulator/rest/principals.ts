import type { RoleDefinition, SiteGroup } from '../store/site-security';
import type { SiteUser } from '../store/site-users';
import type { SiteInfo } from './entities';
import { ComplexValue, EntityValue } from './odata-json';

/** A site user (SP.User) with every property SharePoint Online returns. */
export function siteUserEntity(site: SiteInfo, user: SiteUser): EntityValue {
  const path = `Web/GetUserById(${user.id})`;
  return new EntityValue(
    { type: 'SP.User', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path },
    {
      Id: user.id,
      IsHiddenInUI: false,
      LoginName: user.loginName,
      Title: user.title,
      PrincipalType: 1,
      Email: user.email,
      Expiration: '',
      IsEmailAuthenticationGuestUser: false,
      IsShareByEmailGuestUser: false,
      IsSiteAdmin: user.isSiteAdmin,
      UserId: new ComplexValue('SP.UserIdInfo', { NameId: user.email.toLowerCase(), NameIdIssuer: 'urn:federation:microsoftonline' }),
      UserPrincipalName: user.upn,
    },
  );
}

/** A site group (SP.Group). */
export function groupEntity(site: SiteInfo, group: SiteGroup, ownerTitle: string): EntityValue {
  const path = `Web/SiteGroups/GetById(${group.id})`;
  return new EntityValue(
    { type: 'SP.Group', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path },
    {
      Id: group.id,
      IsHiddenInUI: false,
      LoginName: group.title,
      Title: group.title,
      PrincipalType: 8,
      AllowMembersEditMembership: false,
      AllowRequestToJoinLeave: false,
      AutoAcceptRequestToJoinLeave: false,
      Description: group.description,
      OnlyAllowMembersViewMembership: true,
      OwnerTitle: ownerTitle,
      RequestToJoinLeaveEmailSetting: null,
    },
  );
}

/** A permission level (SP.RoleDefinition); SharePoint sends the mask's halves as strings. */
export function roleDefinitionEntity(site: SiteInfo, role: RoleDefinition): EntityValue {
  const path = `Web/RoleDefinitions(${role.id})`;
  return new EntityValue(
    { type: 'SP.RoleDefinition', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path },
    {
      BasePermissions: new ComplexValue('SP.BasePermissions', { High: String(role.permissions.High), Low: String(role.permissions.Low) }),
      Description: role.description,
      Hidden: role.hidden,
      Id: role.id,
      Name: role.name,
      Order: role.order,
      RoleTypeKind: role.roleTypeKind,
    },
  );
}

/** A role assignment (SP.RoleAssignment), with Member and RoleDefinitionBindings when expanded. */
export function roleAssignmentEntity(site: SiteInfo, scopePath: string, principalId: number, extra: { member?: EntityValue; bindings?: EntityValue[] }): EntityValue {
  const path = `${scopePath}/RoleAssignments/GetByPrincipalId(${principalId})`;
  const props: Record<string, unknown> = { PrincipalId: principalId };
  if (extra.member) props.Member = extra.member;
  if (extra.bindings) props.RoleDefinitionBindings = extra.bindings;
  return new EntityValue({ type: 'SP.RoleAssignment', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path }, props);
}

/** A permission mask (SP.BasePermissions) as a response body. */
export function basePermissionsBody(flavour: string, name: string, mask: { High: number; Low: number }): unknown {
  const value = { High: String(mask.High), Low: String(mask.Low) };
  if (flavour === 'verbose') return { d: { [name]: { __metadata: { type: 'SP.BasePermissions' }, ...value } } };
  return value;
}
