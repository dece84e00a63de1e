import type Database from 'better-sqlite3';
import type { SiteSecurity, SiteGroup } from './site-security';
import type { SiteUsers } from './site-users';

/** The site's three groups, as `web.associatedOwnerGroup` etc. name them. */
export type AssociatedGroups = { owners: SiteGroup; members: SiteGroup; visitors: SiteGroup };

const KEYS = { owners: 'ownersGroupId', members: 'membersGroupId', visitors: 'visitorsGroupId' } as const;
const LEVELS = { owners: 1073741829, members: 1073741830, visitors: 1073741826 } as const;

function meta(db: Database.Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM site_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** The site's owners, members and visitors groups (made by seedSiteSecurity). */
export function associatedGroups(db: Database.Database, security: SiteSecurity): AssociatedGroups | null {
  const [owners, members, visitors] = (['owners', 'members', 'visitors'] as const).map((k) => security.group(Number(meta(db, KEYS[k]) ?? -1)));
  return owners && members && visitors ? { owners, members, visitors } : null;
}

/**
 * Seeds what every team site has, once: `<title> Owners` (Full Control), `<title> Members`
 * (Edit) and `<title> Visitors` (Read) on the web. The first seeded user is the site's
 * owner and admin; other seeded users go where the users file says (`group`), else to
 * Members, so nothing that worked before permissions existed stops working. Users already
 * in an older data folder become Members when the groups are first made.
 */
export function seedSiteSecurity(db: Database.Database, security: SiteSecurity, users: SiteUsers, siteTitle: string, seed: { email: string; group?: string }[]): AssociatedGroups {
  return db.transaction(() => {
    let groups = associatedGroups(db, security);
    if (!groups) {
      const made = {} as Record<keyof typeof KEYS, SiteGroup>;
      for (const kind of ['owners', 'members', 'visitors'] as const) {
        const title = `${siteTitle} ${kind[0].toUpperCase()}${kind.slice(1)}`;
        const group = security.groupByTitle(title) ?? security.addGroup(title, `Use this group to grant people ${kind === 'owners' ? 'full control' : kind === 'members' ? 'contribute' : 'read'} permissions to the SharePoint site: ${siteTitle}`);
        db.prepare('INSERT OR REPLACE INTO site_meta (key, value) VALUES (?, ?)').run(KEYS[kind], String(group.id));
        security.addRoleAssignment({ kind: 'web' }, group.id, LEVELS[kind]);
        made[kind] = group;
      }
      for (const group of Object.values(made)) security.updateGroup(group, { ownerId: made.owners.id });
      groups = associatedGroups(db, security)!;
      const firstEmail = seed[0]?.email.toLowerCase();
      for (const user of users.all()) {
        if (user.email.toLowerCase() !== firstEmail && !seed.some((s) => s.email.toLowerCase() === user.email.toLowerCase())) security.addMember(groups.members.id, user.id);
      }
    }
    seed.forEach((entry, index) => {
      const user = users.byEmail(entry.email);
      if (!user) return;
      const wanted = (entry.group ?? (index === 0 ? 'owners' : 'members')).trim();
      const key = wanted.toLowerCase();
      if (key === 'none') return;
      const group =
        key === 'owners' || key === 'members' || key === 'visitors' ? groups![key] : (security.groupByTitle(wanted) ?? security.addGroup(wanted, '', groups!.owners.id));
      security.addMember(group.id, user.id);
    });
    return groups;
  })();
}
