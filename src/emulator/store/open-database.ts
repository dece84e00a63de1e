import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Where the site's SQLite data lives: a folder (default `.data/`) or memory only. */
export type StorageOptions = { data?: string; memory?: boolean };

/** The catalog tables; each list's items live in a table of their own (see list-catalog.ts). */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS site_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS site_users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  login_name TEXT NOT NULL,
  is_site_admin INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS lists (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL COLLATE NOCASE UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  base_template INTEGER NOT NULL DEFAULT 100,
  url_name TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS fields (
  list_seq INTEGER NOT NULL REFERENCES lists(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  internal_name TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  indexed INTEGER NOT NULL DEFAULT 0,
  unique_values INTEGER NOT NULL DEFAULT 0,
  built_in INTEGER NOT NULL DEFAULT 0,
  props TEXT NOT NULL DEFAULT '{}',
  position INTEGER NOT NULL,
  PRIMARY KEY (list_seq, internal_name)
);
CREATE TABLE IF NOT EXISTS views (
  id TEXT PRIMARY KEY,
  list_seq INTEGER NOT NULL REFERENCES lists(seq) ON DELETE CASCADE,
  title TEXT NOT NULL COLLATE NOCASE,
  url_name TEXT NOT NULL,
  view_query TEXT NOT NULL DEFAULT '',
  row_limit INTEGER NOT NULL DEFAULT 30,
  personal INTEGER NOT NULL DEFAULT 0,
  is_default INTEGER NOT NULL DEFAULT 0,
  paged INTEGER NOT NULL DEFAULT 1,
  view_fields TEXT NOT NULL DEFAULT '[]',
  position INTEGER NOT NULL
);
`;

/** Opens (creating when needed) the site database in `data`/site.sqlite, or in memory. */
export function openDatabase(options: StorageOptions): Database.Database {
  let db: Database.Database;
  if (options.memory) {
    db = new Database(':memory:');
  } else {
    const folder = path.resolve(options.data ?? '.data');
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new Error(`Cannot create the data folder '${folder}' (${(error as Error).message}); pass --data <dir> with a writable folder, or --memory.`);
    }
    db = new Database(path.join(folder, 'site.sqlite'));
    // WAL keeps readers (the tab) and the writer (an import) from blocking each other.
    db.pragma('journal_mode = WAL');
  }
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}
