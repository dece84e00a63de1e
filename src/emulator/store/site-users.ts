import type Database from 'better-sqlite3';

/**
 * A site user, as the site's user information list keeps it. `upn` is the Entra user
 * principal name — the part of the claims login name after `i:0#.f|membership|`, which
 * SharePoint Online builds from the UPN, not the e-mail (the two differ in many tenants).
 */
export type SiteUser = { id: number; title: string; email: string; loginName: string; upn: string; isSiteAdmin: boolean };

type UserRow = { id: number; title: string; email: string; login_name: string; is_site_admin: number };

const CLAIMS_PREFIX = 'i:0#.f|membership|';

/** `i:0#.f|membership|jane@x` or `jane@x` → `jane@x`; null when it holds no e-mail. */
export function emailOfLogon(logon: string): string | null {
  const text = logon.trim();
  const email = text.toLowerCase().startsWith(CLAIMS_PREFIX) ? text.slice(CLAIMS_PREFIX.length) : text;
  return /^[^\s@|]+@[^\s@|]+$/.test(email) ? email : null;
}

/** "jane.o'brien@x" → "Jane O'brien": a readable display name for a user only known by e-mail. */
export function titleFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

/** The site's users: seeded from a users file, created on demand by ensureuser and act-as. */
export class SiteUsers {
  constructor(private readonly db: Database.Database) {}

  /** Adds users that are not there yet (by e-mail); existing ones keep their ids. */
  seed(users: { name: string; email: string; upn?: string }[], admin = false): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO site_users (title, email, login_name, is_site_admin) VALUES (?, ?, ?, ?)');
    for (const user of users) insert.run(user.name, user.email, CLAIMS_PREFIX + (user.upn ?? user.email).toLowerCase(), admin ? 1 : 0);
  }

  all(): SiteUser[] {
    return (this.db.prepare('SELECT * FROM site_users ORDER BY id').all() as UserRow[]).map(toUser);
  }

  byId(id: number): SiteUser | undefined {
    const row = this.db.prepare('SELECT * FROM site_users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  byEmail(email: string): SiteUser | undefined {
    const row = this.db.prepare('SELECT * FROM site_users WHERE email = ?').get(email.trim()) as UserRow | undefined;
    return row && toUser(row);
  }

  /** The user with this e-mail, created (Title from the e-mail) when unknown — like ensureuser. */
  ensure(email: string): SiteUser {
    const existing = this.byEmail(email);
    if (existing) return existing;
    const clean = email.trim();
    this.db.prepare('INSERT INTO site_users (title, email, login_name) VALUES (?, ?, ?)').run(titleFromEmail(clean), clean, CLAIMS_PREFIX + clean.toLowerCase());
    const user = this.byEmail(clean)!;
    // A user SharePoint adds on demand gets what Members get here (see site-security-seed.ts), so local mode's "act as" can edit.
    if (this.hasTable('group_members')) {
      this.db.prepare("INSERT OR IGNORE INTO group_members (group_id, user_id) SELECT CAST(value AS INTEGER), ? FROM site_meta WHERE key = 'membersGroupId'").run(user.id);
    }
    return user;
  }

  /** Renames a user (Title), as `currentUser.update` does. */
  rename(id: number, title: string): void {
    this.db.prepare('UPDATE site_users SET title = ? WHERE id = ?').run(title, id);
  }

  /** Removes a user from the site (their items keep their id, as in SharePoint). */
  remove(id: number): void {
    this.db.prepare('DELETE FROM site_users WHERE id = ?').run(id);
  }

  private hasTable(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  }
}

function toUser(row: UserRow): SiteUser {
  const upn = row.login_name.toLowerCase().startsWith(CLAIMS_PREFIX) ? row.login_name.slice(CLAIMS_PREFIX.length) : row.email;
  return { id: row.id, title: row.title, email: row.email, loginName: row.login_name, upn, isSiteAdmin: row.is_site_admin === 1 };
}
