import type Database from 'better-sqlite3';
import { spErrors, SpError } from '../sp-error';

/** A permission mask as SharePoint sends it: two 32-bit halves. */
export type BasePermissions = { High: number; Low: number };

/** A permission level (SP.RoleDefinition). */
export type RoleDefinition = { id: number; name: string; description: string; order: number; roleTypeKind: number; hidden: boolean; permissions: BasePermissions };

/** A site group (SP.Group). */
export type SiteGroup = { id: number; title: string; description: string; ownerId: number | null };

/** Where a role assignment lives: the web, a list, or one item of a list. */
export type SecurableScope = { kind: 'web' } | { kind: 'list'; listId: string } | { kind: 'item'; listId: string; itemId: number };

/** SharePoint Online's standard permission levels, with their fixed ids and masks. */
export const STANDARD_ROLES: RoleDefinition[] = [
  { id: 1073741829, name: 'Full Control', description: 'Has full control.', order: 1, roleTypeKind: 5, hidden: false, permissions: { High: 2147483647, Low: 4294967295 } },
  { id: 1073741828, name: 'Design', description: 'Can view, add, update, delete, approve, and customize.', order: 32, roleTypeKind: 4, hidden: false, permissions: { High: 432, Low: 1012866047 } },
  { id: 1073741830, name: 'Edit', description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.', order: 48, roleTypeKind: 6, hidden: false, permissions: { High: 432, Low: 1011030767 } },
  { id: 1073741827, name: 'Contribute', description: 'Can view, add, update, and delete list items and documents.', order: 64, roleTypeKind: 3, hidden: false, permissions: { High: 432, Low: 1011028719 } },
  { id: 1073741826, name: 'Read', description: 'Can view pages and list items and download documents.', order: 128, roleTypeKind: 2, hidden: false, permissions: { High: 176, Low: 138612833 } },
];

/** PermissionKind numbers (as in PnPjs' PermissionKind) the server checks. */
export const Permission = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ManageLists: 12,
  Open: 17,
  ViewPages: 18,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseUserInfo: 28,
  ManageWeb: 31,
} as const;

const FULL_MASK: BasePermissions = { High: 2147483647, Low: 4294967295 };
const EMPTY: BasePermissions = { High: 0, Low: 0 };

/** True when the mask grants the PermissionKind (1-based bit number, as SharePoint numbers them). */
export function grants(mask: BasePermissions, kind: number): boolean {
  const bit = kind - 1;
  if (bit < 32) return ((mask.Low >>> bit) & 1) === 1;
  return ((mask.High >>> (bit - 32)) & 1) === 1;
}

function union(a: BasePermissions, b: BasePermissions): BasePermissions {
  return { High: (a.High | b.High) >>> 0, Low: (a.Low | b.Low) >>> 0 };
}

/** `web`, `list:<id>`, `item:<id>:<n>`: how a scope is stored. */
export function scopeKey(scope: SecurableScope): string {
  if (scope.kind === 'web') return 'web';
  if (scope.kind === 'list') return `list:${scope.listId.toLowerCase()}`;
  return `item:${scope.listId.toLowerCase()}:${scope.itemId}`;
}

function parentOf(scope: SecurableScope): SecurableScope | null {
  if (scope.kind === 'item') return { kind: 'list', listId: scope.listId };
  if (scope.kind === 'list') return { kind: 'web' };
  return null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS role_definitions (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE UNIQUE, description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL, role_type_kind INTEGER NOT NULL DEFAULT 0, hidden INTEGER NOT NULL DEFAULT 0,
  high INTEGER NOT NULL, low INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS site_groups (
  id INTEGER PRIMARY KEY, title TEXT NOT NULL COLLATE NOCASE UNIQUE, description TEXT NOT NULL DEFAULT '', owner_id INTEGER
);
CREATE TABLE IF NOT EXISTS group_members (group_id INTEGER NOT NULL REFERENCES site_groups(id) ON DELETE CASCADE, user_id INTEGER NOT NULL, PRIMARY KEY (group_id, user_id));
CREATE TABLE IF NOT EXISTS unique_scopes (scope TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS role_assignments (scope TEXT NOT NULL, principal_id INTEGER NOT NULL, role_def_id INTEGER NOT NULL, PRIMARY KEY (scope, principal_id, role_def_id));
`;

type RoleRow = { id: number; name: string; description: string; sort_order: number; role_type_kind: number; hidden: number; high: number; low: number };
type GroupRow = { id: number; title: string; description: string; owner_id: number | null };

/**
 * Permissions as SharePoint keeps them: permission levels, site groups and their members,
 * and role assignments on the web, lists and items, each scope inheriting from its parent
 * until inheritance is broken. Effective permissions are cached per user and scope and the
 * cache is dropped on any change, so checking every request stays cheap.
 */
export class SiteSecurity {
  private readonly uniqueScopes = new Set<string>();
  private readonly cache = new Map<string, BasePermissions>();

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    const insert = db.prepare('INSERT OR IGNORE INTO role_definitions (id, name, description, sort_order, role_type_kind, hidden, high, low) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of STANDARD_ROLES) insert.run(r.id, r.name, r.description, r.order, r.roleTypeKind, r.hidden ? 1 : 0, r.permissions.High, r.permissions.Low);
    db.prepare("INSERT OR IGNORE INTO unique_scopes (scope) VALUES ('web')").run();
    for (const row of db.prepare('SELECT scope FROM unique_scopes').all() as { scope: string }[]) this.uniqueScopes.add(row.scope);
  }

  private changed(): void {
    this.cache.clear();
  }

  // ---- permission levels

  roleDefinitions(): RoleDefinition[] {
    return (this.db.prepare('SELECT * FROM role_definitions ORDER BY sort_order, id').all() as RoleRow[]).map(toRole);
  }

  roleDefinition(id: number): RoleDefinition | undefined {
    const row = this.db.prepare('SELECT * FROM role_definitions WHERE id = ?').get(id) as RoleRow | undefined;
    return row && toRole(row);
  }

  roleDefinitionByName(name: string): RoleDefinition | undefined {
    const row = this.db.prepare('SELECT * FROM role_definitions WHERE name = ?').get(name) as RoleRow | undefined;
    return row && toRole(row);
  }

  /** A custom permission level; refuses a name already used, as SharePoint does. */
  addRoleDefinition(name: string, description: string, order: number, permissions: BasePermissions): RoleDefinition {
    if (this.roleDefinitionByName(name)) throw new SpError(500, '-2146232832, Microsoft.SharePoint.SPException', 'A permission level with this name already exists. Type a different name for the permission level.');
    const next = (this.db.prepare('SELECT MAX(id) AS id FROM role_definitions').get() as { id: number }).id + 1;
    this.db.prepare('INSERT INTO role_definitions (id, name, description, sort_order, role_type_kind, hidden, high, low) VALUES (?, ?, ?, ?, 0, 0, ?, ?)').run(next, name, description, order, permissions.High >>> 0, permissions.Low >>> 0);
    this.changed();
    return this.roleDefinition(next)!;
  }

  updateRoleDefinition(role: RoleDefinition, patch: { name?: string; description?: string; order?: number; permissions?: BasePermissions }): void {
    if (STANDARD_ROLES.some((r) => r.id === role.id) && (patch.permissions || patch.name)) {
      throw new SpError(400, '-2147024891, System.UnauthorizedAccessException', 'You cannot change the permissions or name of a default permission level.');
    }
    this.db
      .prepare('UPDATE role_definitions SET name = ?, description = ?, sort_order = ?, high = ?, low = ? WHERE id = ?')
      .run(patch.name ?? role.name, patch.description ?? role.description, patch.order ?? role.order, (patch.permissions ?? role.permissions).High >>> 0, (patch.permissions ?? role.permissions).Low >>> 0, role.id);
    this.changed();
  }

  deleteRoleDefinition(role: RoleDefinition): void {
    this.db.prepare('DELETE FROM role_assignments WHERE role_def_id = ?').run(role.id);
    this.db.prepare('DELETE FROM role_definitions WHERE id = ?').run(role.id);
    this.changed();
  }

  // ---- groups

  groups(): SiteGroup[] {
    return (this.db.prepare('SELECT * FROM site_groups ORDER BY id').all() as GroupRow[]).map(toGroup);
  }

  group(id: number): SiteGroup | undefined {
    const row = this.db.prepare('SELECT * FROM site_groups WHERE id = ?').get(id) as GroupRow | undefined;
    return row && toGroup(row);
  }

  groupByTitle(title: string): SiteGroup | undefined {
    const row = this.db.prepare('SELECT * FROM site_groups WHERE title = ?').get(title.trim()) as GroupRow | undefined;
    return row && toGroup(row);
  }

  /**
   * A new group. Users and groups share one principal id space in SharePoint, so the
   * id comes after every user's and the users' sequence moves past it.
   */
  addGroup(title: string, description = '', ownerId: number | null = null): SiteGroup {
    const clean = title.trim();
    if (!clean) throw spErrors.badRequest('A new group needs a Title.');
    if (clean.length > 255) throw spErrors.badRequest('The group name is too long: use 255 characters or fewer.');
    if (this.groupByTitle(clean)) {
      throw new SpError(500, '-2130575293, Microsoft.SharePoint.SPException', `The specified name is already in use.\n\nPlease try again with a new name.`);
    }
    const seq = (this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'site_users'").get() as { seq: number } | undefined)?.seq ?? 0;
    const maxGroup = (this.db.prepare('SELECT MAX(id) AS id FROM site_groups').get() as { id: number | null }).id ?? 0;
    const id = Math.max(seq, maxGroup) + 1;
    this.db.prepare('INSERT INTO site_groups (id, title, description, owner_id) VALUES (?, ?, ?, ?)').run(id, clean, description, ownerId);
    const bumped = this.db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'site_users'").run(id);
    if (bumped.changes === 0) this.db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('site_users', ?)").run(id);
    return this.group(id)!;
  }

  updateGroup(group: SiteGroup, patch: { title?: string; description?: string; ownerId?: number }): void {
    if (patch.title !== undefined && patch.title.trim().toLowerCase() !== group.title.toLowerCase() && this.groupByTitle(patch.title)) {
      throw new SpError(500, '-2130575293, Microsoft.SharePoint.SPException', 'The specified name is already in use.\n\nPlease try again with a new name.');
    }
    this.db.prepare('UPDATE site_groups SET title = ?, description = ?, owner_id = ? WHERE id = ?').run(patch.title?.trim() ?? group.title, patch.description ?? group.description, patch.ownerId ?? group.ownerId, group.id);
  }

  deleteGroup(group: SiteGroup): void {
    this.db.prepare('DELETE FROM role_assignments WHERE principal_id = ?').run(group.id);
    this.db.prepare('DELETE FROM site_groups WHERE id = ?').run(group.id);
    this.changed();
  }

  memberIds(groupId: number): number[] {
    return (this.db.prepare('SELECT user_id FROM group_members WHERE group_id = ? ORDER BY user_id').all(groupId) as { user_id: number }[]).map((r) => r.user_id);
  }

  groupsOf(userId: number): SiteGroup[] {
    return (this.db.prepare('SELECT g.* FROM site_groups g JOIN group_members m ON m.group_id = g.id WHERE m.user_id = ? ORDER BY g.id').all(userId) as GroupRow[]).map(toGroup);
  }

  addMember(groupId: number, userId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)').run(groupId, userId);
    this.changed();
  }

  removeMember(groupId: number, userId: number): void {
    this.db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId);
    this.changed();
  }

  /** Drops a removed user from every group and assignment. */
  forgetPrincipal(id: number): void {
    this.db.prepare('DELETE FROM group_members WHERE user_id = ?').run(id);
    this.db.prepare('DELETE FROM role_assignments WHERE principal_id = ?').run(id);
    this.changed();
  }

  // ---- role assignments and inheritance

  hasUniqueRoleAssignments(scope: SecurableScope): boolean {
    return this.uniqueScopes.has(scopeKey(scope));
  }

  /** The nearest scope, from this one up, that holds its own role assignments. */
  firstUniqueAncestor(scope: SecurableScope): SecurableScope {
    let current: SecurableScope | null = scope;
    while (current) {
      if (this.uniqueScopes.has(scopeKey(current))) return current;
      current = parentOf(current);
    }
    return { kind: 'web' };
  }

  /** True when some item of the list has its own permissions (only then do items need a check each). */
  listHasUniqueItems(listId: string): boolean {
    const prefix = `item:${listId.toLowerCase()}:`;
    for (const key of this.uniqueScopes) if (key.startsWith(prefix)) return true;
    return false;
  }

  /** Role assignments that apply at this scope (those of its first unique ancestor). */
  roleAssignments(scope: SecurableScope): { principalId: number; roleDefIds: number[] }[] {
    const key = scopeKey(this.firstUniqueAncestor(scope));
    const rows = this.db.prepare('SELECT principal_id, role_def_id FROM role_assignments WHERE scope = ? ORDER BY principal_id, role_def_id').all(key) as { principal_id: number; role_def_id: number }[];
    const byPrincipal = new Map<number, number[]>();
    for (const row of rows) byPrincipal.set(row.principal_id, [...(byPrincipal.get(row.principal_id) ?? []), row.role_def_id]);
    return [...byPrincipal].map(([principalId, roleDefIds]) => ({ principalId, roleDefIds }));
  }

  /** Adds a role assignment where the scope holds its own (SharePoint refuses it on an inheriting scope too). */
  addRoleAssignment(scope: SecurableScope, principalId: number, roleDefId: number): void {
    this.requireUnique(scope);
    this.db.prepare('INSERT OR IGNORE INTO role_assignments (scope, principal_id, role_def_id) VALUES (?, ?, ?)').run(scopeKey(scope), principalId, roleDefId);
    this.changed();
  }

  removeRoleAssignment(scope: SecurableScope, principalId: number, roleDefId: number | null): void {
    this.requireUnique(scope);
    if (roleDefId === null) this.db.prepare('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ?').run(scopeKey(scope), principalId);
    else this.db.prepare('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ? AND role_def_id = ?').run(scopeKey(scope), principalId, roleDefId);
    this.changed();
  }

  private requireUnique(scope: SecurableScope): void {
    if (!this.uniqueScopes.has(scopeKey(scope))) {
      throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'You cannot add or remove role assignments on an object that inherits permissions. Break the inheritance first (breakroleinheritance).');
    }
  }

  /** Gives the scope its own assignments, copied from its parent or none; optionally resets every child scope. */
  breakInheritance(scope: SecurableScope, copy: boolean, clearSubscopes: boolean): void {
    const key = scopeKey(scope);
    this.db.transaction(() => {
      if (!this.uniqueScopes.has(key)) {
        const parent = parentOf(scope);
        if (copy && parent) {
          this.db.prepare('INSERT OR IGNORE INTO role_assignments (scope, principal_id, role_def_id) SELECT ?, principal_id, role_def_id FROM role_assignments WHERE scope = ?').run(key, scopeKey(this.firstUniqueAncestor(parent)));
        }
        this.db.prepare('INSERT OR IGNORE INTO unique_scopes (scope) VALUES (?)').run(key);
        this.uniqueScopes.add(key);
      }
      if (clearSubscopes) this.resetChildren(scope);
    })();
    this.changed();
  }

  /** Drops the scope's own assignments so it inherits again. */
  resetInheritance(scope: SecurableScope): void {
    if (scope.kind === 'web') return;
    const key = scopeKey(scope);
    this.db.prepare('DELETE FROM role_assignments WHERE scope = ?').run(key);
    this.db.prepare('DELETE FROM unique_scopes WHERE scope = ?').run(key);
    this.uniqueScopes.delete(key);
    this.changed();
  }

  /** Forgets the assignments of a deleted list or item (and of a list's items). */
  forgetScope(scope: SecurableScope): void {
    this.resetInheritance(scope);
    if (scope.kind === 'list') this.resetChildren(scope);
  }

  private resetChildren(scope: SecurableScope): void {
    const prefix = scope.kind === 'web' ? '' : scope.kind === 'list' ? `item:${scope.listId.toLowerCase()}:` : null;
    if (prefix === null) return;
    for (const key of [...this.uniqueScopes]) {
      if (key === 'web' || key === scopeKey(scope) || !key.startsWith(prefix)) continue;
      this.db.prepare('DELETE FROM role_assignments WHERE scope = ?').run(key);
      this.db.prepare('DELETE FROM unique_scopes WHERE scope = ?').run(key);
      this.uniqueScopes.delete(key);
    }
  }

  /** What a user may do at a scope: site admins everything; others the union of their own and their groups' levels. */
  effectivePermissions(user: { id: number; isSiteAdmin: boolean }, scope: SecurableScope): BasePermissions {
    if (user.isSiteAdmin) return FULL_MASK;
    const key = `${user.id}|${scopeKey(this.firstUniqueAncestor(scope))}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const rows = this.db
      .prepare(
        `SELECT d.high, d.low FROM role_assignments a JOIN role_definitions d ON d.id = a.role_def_id
         WHERE a.scope = ? AND (a.principal_id = ? OR a.principal_id IN (SELECT group_id FROM group_members WHERE user_id = ?))`,
      )
      .all(scopeKey(this.firstUniqueAncestor(scope)), user.id, user.id) as { high: number; low: number }[];
    const mask = rows.reduce((acc, row) => union(acc, { High: row.high, Low: row.low }), EMPTY);
    this.cache.set(key, mask);
    return mask;
  }
}

function toRole(row: RoleRow): RoleDefinition {
  return { id: row.id, name: row.name, description: row.description, order: row.sort_order, roleTypeKind: row.role_type_kind, hidden: row.hidden === 1, permissions: { High: row.high, Low: row.low } };
}

function toGroup(row: GroupRow): SiteGroup {
  return { id: row.id, title: row.title, description: row.description, ownerId: row.owner_id };
}
