import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ListCatalog, nowIso } from './list-catalog';
import { ChangeLog } from './change-log';
import { ItemVersions } from './item-versions';
import { ListItems } from './list-items';
import { openDatabase, type StorageOptions } from './open-database';
import { RecycleBin } from './recycle-bin';
import { SiteFields } from './site-fields';
import { SiteSecurity } from './site-security';
import { SiteUsers } from './site-users';

/** The whole stored site: users, lists (with fields and views) and items, in one SQLite database. */
export class SiteStore {
  readonly users: SiteUsers;
  readonly catalog: ListCatalog;
  readonly items: ListItems;
  /** Site columns (`web.fields`). */
  readonly siteFields: SiteFields;
  /** The site's recycle bin (recycled items and lists). */
  readonly recycleBin: RecycleBin;
  /** Permission levels, site groups and role assignments. */
  readonly security: SiteSecurity;
  /** Stable ids of the web and site collection, kept in the database so they survive restarts. */
  readonly ids: { webId: string; siteId: string; userInfoListId: string; created: string };

  constructor(
    readonly db: Database.Database,
    clock: () => Date,
  ) {
    this.security = new SiteSecurity(db);
    this.users = new SiteUsers(db);
    this.catalog = new ListCatalog(db, clock);
    this.items = new ListItems(db, this.catalog, this.users, clock, new ItemVersions(db), new ChangeLog(db));
    this.siteFields = new SiteFields(db);
    this.recycleBin = new RecycleBin(db, this.catalog, this.items, clock);
    const meta = (key: string, make: () => string): string => {
      const row = db.prepare('SELECT value FROM site_meta WHERE key = ?').get(key) as { value: string } | undefined;
      if (row) return row.value;
      const value = make();
      db.prepare('INSERT INTO site_meta (key, value) VALUES (?, ?)').run(key, value);
      return value;
    };
    this.ids = {
      webId: meta('webId', randomUUID),
      siteId: meta('siteId', randomUUID),
      userInfoListId: meta('userInfoListId', randomUUID),
      created: meta('created', () => nowIso(clock)),
    };
  }

  /** Opens the site in a data folder or in memory. */
  static open(options: StorageOptions, clock: () => Date): SiteStore {
    return new SiteStore(openDatabase(options), clock);
  }

  close(): void {
    this.db.close();
  }
}
