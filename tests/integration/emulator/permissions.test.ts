import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import { PermissionKind } from '@pnp/sp/security';
import { failure, uniqueTitle, openSpTarget, type SpTarget } from './sp-target';

// Permissions are enforced only by the embedded server locally; against a tenant the test users would need real accounts.
const PEOPLE = [
  { name: 'Site Owner', email: 'owner@contoso.example' },
  { name: 'Rita Reader', email: 'rita@contoso.example', group: 'visitors' },
  { name: 'Ed Editor', email: 'ed@contoso.example' },
  { name: 'Nia None', email: 'nia@contoso.example', group: 'none' },
  { name: 'Mo Manager', email: 'mo@contoso.example', group: 'Plan Managers' },
];

describe('embedded SharePoint: permissions, groups and users', () => {
  let target: SpTarget;
  let sp: SPFI;
  let listTitle: string;
  beforeAll(async () => {
    target = await openSpTarget({ users: PEOPLE });
    sp = target.sp;
    listTitle = uniqueTitle('Permission checks');
    await sp.web.lists.add(listTitle);
    await sp.web.lists.getByTitle(listTitle).items.add({ Title: 'First' });
    await sp.web.lists.getByTitle(listTitle).items.add({ Title: 'Second' });
  });
  afterAll(() => target.close());

  it('seeds the site\'s owners, members and visitors groups with the standard levels on the web', async () => {
    const [owners, members, visitors] = await Promise.all([sp.web.associatedOwnerGroup(), sp.web.associatedMemberGroup(), sp.web.associatedVisitorGroup()]);
    expect([owners.Title, members.Title, visitors.Title]).toEqual(['Plans Owners', 'Plans Members', 'Plans Visitors']);
    const assignments = await sp.web.roleAssignments.expand('Member', 'RoleDefinitionBindings')();
    const levels = Object.fromEntries(assignments.map((a) => [(a as unknown as { Member: { Title: string } }).Member.Title, (a as unknown as { RoleDefinitionBindings: { Name: string }[] }).RoleDefinitionBindings.map((r) => r.Name)]));
    expect(levels).toEqual({ 'Plans Owners': ['Full Control'], 'Plans Members': ['Edit'], 'Plans Visitors': ['Read'] });
    const definitions = await sp.web.roleDefinitions.select('Name', 'Id', 'BasePermissions')();
    expect(definitions.find((d) => d.Name === 'Edit')).toMatchObject({ Id: 1073741830, BasePermissions: { High: '432', Low: '1011030767' } });
    expect(definitions.find((d) => d.Name === 'Read')).toMatchObject({ Id: 1073741826, BasePermissions: { High: '176', Low: '138612833' } });
  });

  it('places users as the users file says, and unknown users ensured later as Members', async () => {
    const members = await sp.web.associatedMemberGroup.users.select('Email')();
    expect(members.map((u) => u.Email)).toEqual(['ed@contoso.example']);
    expect((await sp.web.associatedVisitorGroup.users.select('Email')()).map((u) => u.Email)).toEqual(['rita@contoso.example']);
    expect((await sp.web.siteGroups.getByName('Plan Managers').users.select('Email')()).map((u) => u.Email)).toEqual(['mo@contoso.example']);
    const later = await sp.web.ensureUser('i:0#.f|membership|later@contoso.example');
    const laterGroups = await sp.web.siteUsers.getById(later.Id).groups.select('Title')();
    expect(laterGroups.map((g) => g.Title)).toEqual(['Plans Members']);
    expect((await target.spAs('ed@contoso.example').web.currentUser.groups.select('Title')()).map((g) => g.Title)).toEqual(['Plans Members']);
  });

  it('refuses a Reader\'s MERGE with SharePoint\'s 403 body and changes nothing', async () => {
    const asRita = target.spAs('rita@contoso.example').web.lists.getByTitle(listTitle);
    const items = await asRita.items.select('Id', 'Title')();
    expect(items.map((i) => i.Title)).toEqual(['First', 'Second']);
    const refused = await failure(asRita.items.getById(items[0].Id).update({ Title: 'Changed by a reader' }));
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('-2147024891, System.UnauthorizedAccessException');
    expect(refused.body).toContain('Access denied. You do not have permission to perform this action or access this resource.');
    expect((await failure(asRita.items.add({ Title: 'Added by a reader' }))).status).toBe(403);
    expect((await failure(asRita.items.getById(items[1].Id).delete())).status).toBe(403);
    expect((await sp.web.lists.getByTitle(listTitle).items.select('Title')()).map((i) => i.Title)).toEqual(['First', 'Second']);
    const none = await failure(target.spAs('nia@contoso.example').web.lists.getByTitle(listTitle).items());
    expect(none.status).toBe(403);
  });

  it('breaking inheritance on an item and granting Edit to one user lets only that user edit it', async () => {
    const list = sp.web.lists.getByTitle(listTitle);
    const [first] = await list.items.select('Id')();
    const item = list.items.getById(first.Id);
    await item.breakRoleInheritance(false, false);
    expect(await item.select('Id')().then(() => true)).toBe(true);
    const mo = await sp.web.siteUsers.getByEmail('mo@contoso.example')();
    await item.roleAssignments.add(mo.Id, 1073741830);
    await target.spAs('mo@contoso.example').web.lists.getByTitle(listTitle).items.getById(first.Id).update({ Title: 'Edited by Mo' });
    const ed = await failure(target.spAs('ed@contoso.example').web.lists.getByTitle(listTitle).items.getById(first.Id).update({ Title: 'Edited by Ed' }));
    expect(ed.status).toBe(403);
    expect((await item.select('Title')()).Title).toBe('Edited by Mo');
    // Security trimming: Ed no longer sees the item at all; Mo, granted only on the item, reads it by id.
    expect((await target.spAs('ed@contoso.example').web.lists.getByTitle(listTitle).items.select('Title')()).map((i) => i.Title)).toEqual(['Second']);
    expect((await target.spAs('mo@contoso.example').web.lists.getByTitle(listTitle).items.getById(first.Id).select('Title')()).Title).toBe('Edited by Mo');
    // Ed, a Member, still edits the other item, which inherits from the list and web.
    const [, second] = await list.items.select('Id')();
    await target.spAs('ed@contoso.example').web.lists.getByTitle(listTitle).items.getById(second.Id).update({ Title: 'Second, edited by Ed' });
    const moPerms = await item.getUserEffectivePermissions('i:0#.f|membership|mo@contoso.example');
    expect(item.hasPermissions(moPerms, PermissionKind.EditListItems)).toBe(true);
    expect(await item.userHasPermissions('i:0#.f|membership|ed@contoso.example', PermissionKind.EditListItems)).toBe(false);
    await item.resetRoleInheritance();
    await target.spAs('ed@contoso.example').web.lists.getByTitle(listTitle).items.getById(first.Id).update({ Title: 'Edited by Ed after the reset' });
  });

  it('refuses a role assignment for an unknown principal and writes nothing', async () => {
    const list = sp.web.lists.getByTitle(listTitle);
    await list.breakRoleInheritance(true, false);
    const before = await list.roleAssignments();
    const refused = await failure(list.roleAssignments.add(987654, 1073741826));
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Can not find the principal with id: 987654.');
    expect(await list.roleAssignments()).toHaveLength(before.length);
    expect((await list.select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments: boolean }>()).HasUniqueRoleAssignments).toBe(true);
    await list.resetRoleInheritance();
    expect((await list.select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments: boolean }>()).HasUniqueRoleAssignments).toBe(false);
  });

  it('answers the current user\'s effective permissions per level, and lets a Reader do nothing a Reader cannot', async () => {
    const readerPerms = await target.spAs('rita@contoso.example').web.lists.getByTitle(listTitle).getCurrentUserEffectivePermissions();
    const list = sp.web.lists.getByTitle(listTitle);
    expect(list.hasPermissions(readerPerms, PermissionKind.ViewListItems)).toBe(true);
    expect(list.hasPermissions(readerPerms, PermissionKind.EditListItems)).toBe(false);
    const ownerPerms = await list.getCurrentUserEffectivePermissions();
    expect(list.hasPermissions(ownerPerms, PermissionKind.ManagePermissions)).toBe(true);
    expect(list.hasPermissions(readerPerms, PermissionKind.ManagePermissions)).toBe(false);
    expect((await failure(target.spAs('rita@contoso.example').web.lists.add(uniqueTitle('By a reader')))).status).toBe(403);
    expect((await failure(target.spAs('ed@contoso.example').web.siteGroups.add({ Title: 'Made by a member' }))).status).toBe(403);
  });

  it('answers an item\'s EffectiveBasePermissionsForUI with the same mask as EffectiveBasePermissions', async () => {
    const item = target.spAs('rita@contoso.example').web.lists.getByTitle(listTitle).items.getById(1);
    const forUi = await item.effectiveBasePermissionsForUI();
    const plain = await item.effectiveBasePermissions();
    expect(forUi).toEqual(plain);
    expect(sp.web.lists.getByTitle(listTitle).hasPermissions(forUi, PermissionKind.EditListItems)).toBe(false);
  });

  it('creates a group through PnPjs, as provisioning makes Plan Managers, and refuses a duplicate title', async () => {
    const group = await sp.web.siteGroups.add({ Title: 'Steering Leads' });
    expect(group.Title).toBe('Steering Leads');
    await sp.web.siteGroups.getById(group.Id).users.add('i:0#.f|membership|ed@contoso.example');
    expect((await sp.web.siteGroups.getByName('Steering Leads').users.select('Email')()).map((u) => u.Email)).toContain('ed@contoso.example');
    expect((await failure(sp.web.siteGroups.add({ Title: 'steering leads' }))).status).toBe(500);
    const users = await sp.web.siteUsers.select('Id')();
    expect(users.map((u) => u.Id)).not.toContain(group.Id);
  });

  it('returns every property SharePoint returns for a site user, by login name too', async () => {
    const byLogin = await sp.web.siteUsers.getByLoginName('i:0#.f|membership|ed@contoso.example')();
    for (const name of ['Email', 'Id', 'IsHiddenInUI', 'IsShareByEmailGuestUser', 'IsSiteAdmin', 'LoginName', 'PrincipalType', 'Title', 'Expiration', 'IsEmailAuthenticationGuestUser', 'UserId', 'UserPrincipalName']) {
      expect(byLogin).toHaveProperty(name);
    }
    expect(byLogin.UserId).toEqual({ NameId: 'ed@contoso.example', NameIdIssuer: 'urn:federation:microsoftonline' });
    expect((await sp.web.currentUser()).IsSiteAdmin).toBe(true);
    expect(byLogin.IsSiteAdmin).toBe(false);
  });
});
