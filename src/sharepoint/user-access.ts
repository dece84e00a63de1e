import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import { PermissionKind, type IBasePermissions } from '@pnp/sp/security';
import type { AccessFacts } from '../domain/roles';
import { LIST } from './list-names';

type CurrentUserRow = { IsSiteAdmin?: boolean; Groups?: { Title?: string }[] };

/**
 * What SharePoint says the signed-in user may do (three reads, in parallel): effective
 * permissions on Plan Items and on the site, and the user with their site groups.
 */
export async function readAccessFacts(sp: SPFI): Promise<AccessFacts> {
  const list = sp.web.lists.getByTitle(LIST.planItems);
  const [listRights, webRights, me] = await Promise.all([
    list.getCurrentUserEffectivePermissions(),
    sp.web.getCurrentUserEffectivePermissions(),
    sp.web.currentUser.select('IsSiteAdmin', 'Groups/Title').expand('Groups')() as Promise<CurrentUserRow>,
  ]);
  const has = (rights: IBasePermissions, kind: PermissionKind) => list.hasPermissions(rights, kind);
  return {
    isSiteAdmin: me.IsSiteAdmin === true,
    canManageWeb: has(webRights, PermissionKind.ManageWeb),
    canEditItems: has(listRights, PermissionKind.EditListItems),
    canAddItems: has(listRights, PermissionKind.AddListItems),
    canDeleteItems: has(listRights, PermissionKind.DeleteListItems),
    groups: (me.Groups ?? []).map((g) => g.Title ?? '').filter(Boolean),
  };
}
