import type Database from 'better-sqlite3';
import type { ItemRow } from './list-items';

/** One stored version of an item: its number (1, 2, …), when and by whom, and every field value then. */
export type ItemVersion = { version: number; created: string; editorId: number | null; row: ItemRow };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS item_versions (
  list_seq INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created TEXT NOT NULL,
  editor INTEGER,
  data TEXT NOT NULL,
  PRIMARY KEY (list_seq, item_id, version)
) WITHOUT ROWID;
`;

/**
 * Item version history, as SharePoint keeps it on a list with versioning on: every add
 * and every update writes the item's values as a new version, in the same transaction as
 * the write itself (the callers run inside theirs). One shared table keyed by list, item
 * and version keeps a version write to one small B-tree insert.
 */
export class ItemVersions {
  private readonly insert: Database.Statement;
  private readonly selectAll: Database.Statement;
  private readonly selectOne: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.insert = db.prepare('INSERT OR REPLACE INTO item_versions (list_seq, item_id, version, created, editor, data) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectAll = db.prepare('SELECT version, created, editor, data FROM item_versions WHERE list_seq = ? AND item_id = ? ORDER BY version DESC');
    this.selectOne = db.prepare('SELECT version, created, editor, data FROM item_versions WHERE list_seq = ? AND item_id = ? AND version = ?');
  }

  /** Records the row as it now is (its `_Version` is the version number). */
  record(listSeq: number, row: ItemRow): void {
    this.insert.run(listSeq, row.ID, row._Version, String(row.Modified), (row.Editor as number | null) ?? null, JSON.stringify(row));
  }

  /** Every version of an item, newest first, as SharePoint lists them. */
  all(listSeq: number, itemId: number): ItemVersion[] {
    return (this.selectAll.all(listSeq, itemId) as VersionRow[]).map(toVersion);
  }

  /** One version by its number, or undefined. */
  get(listSeq: number, itemId: number, version: number): ItemVersion | undefined {
    const row = this.selectOne.get(listSeq, itemId, version) as VersionRow | undefined;
    return row && toVersion(row);
  }

  /** Forgets an item's history (a permanent delete). */
  deleteItem(listSeq: number, itemId: number): void {
    this.db.prepare('DELETE FROM item_versions WHERE list_seq = ? AND item_id = ?').run(listSeq, itemId);
  }

  /** Forgets a whole list's history (the list was deleted). */
  deleteList(listSeq: number): void {
    this.db.prepare('DELETE FROM item_versions WHERE list_seq = ?').run(listSeq);
  }
}

type VersionRow = { version: number; created: string; editor: number | null; data: string };

function toVersion(row: VersionRow): ItemVersion {
  return { version: row.version, created: row.created, editorId: row.editor, row: JSON.parse(row.data) as ItemRow };
}
