import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups';
import { PermissionKind, type IBasePermissions } from '@pnp/sp/security';
import type { AccessFacts } from '../domain/roles';
import { LIST } from './list-names';

type CurrentUserRow = { IsSiteAdmin?: boolean };

/**
 * What SharePoint says the signed-in user may do (four small reads, in parallel): effective
 * permissions on Plan Items and on the site, whether they are a site admin, and their
 * site groups (`currentUser/groups`, which every SharePoint answers; `$expand=Groups` is not).
 */
export async function readAccessFacts(sp: SPFI): Promise<AccessFacts> {
  const list = sp.web.lists.getByTitle(LIST.planItems);
  const [listRights, webRights, me, groups] = await Promise.all([
    list.getCurrentUserEffectivePermissions(),
    sp.web.getCurrentUserEffectivePermissions(),
    sp.web.currentUser.select('IsSiteAdmin')() as Promise<CurrentUserRow>,
    sp.web.currentUser.groups.select('Title')() as Promise<{ Title?: string }[]>,
  ]);
  const has = (rights: IBasePermissions, kind: PermissionKind) => list.hasPermissions(rights, kind);
  return {
    isSiteAdmin: me.IsSiteAdmin === true,
    canManageWeb: has(webRights, PermissionKind.ManageWeb),
    canEditItems: has(listRights, PermissionKind.EditListItems),
    canAddItems: has(listRights, PermissionKind.AddListItems),
    canDeleteItems: has(listRights, PermissionKind.DeleteListItems),
    groups: groups.map((g) => g.Title ?? '').filter(Boolean),
  };
}
