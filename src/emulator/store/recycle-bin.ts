import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { spErrors } from '../sp-error';
import { CHANGE_TYPE } from './change-log';
import { nowIso, tableOf, type ListCatalog, type ListRecord } from './list-catalog';
import type { ItemRow, ListItems } from './list-items';

/** SharePoint's RecycleBinItemType for what the emulator recycles. */
export const RECYCLED_TYPE = { ListItem: 3, List: 4 } as const;

/** One entry of the site's recycle bin. */
export type RecycledEntry = {
  id: string;
  itemType: number;
  listSeq: number;
  itemId: number;
  title: string;
  dirName: string;
  deleted: string;
  deletedBy: number;
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS recycle_bin (
  id TEXT PRIMARY KEY,
  item_type INTEGER NOT NULL,
  list_seq INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  dir_name TEXT NOT NULL,
  deleted TEXT NOT NULL,
  deleted_by INTEGER NOT NULL,
  data TEXT NOT NULL
);
`;

type Row = { id: string; item_type: number; list_seq: number; item_id: number; title: string; dir_name: string; deleted: string; deleted_by: number; data: string };
type RecycledList = { list: Record<string, unknown>; fields: Record<string, unknown>[]; views: Record<string, unknown>[] };

/**
 * The site's (first-stage) recycle bin: `items(n)/recycle()` and `lists(…)/recycle()` move
 * what they delete here; `restore()` puts it back with its id, GUID and versions (an
 * item's version history stays in `item_versions` while it is in the bin), and
 * `deleteObject()` deletes it for good.
 */
export class RecycleBin {
  constructor(
    private readonly db: Database.Database,
    private readonly catalog: ListCatalog,
    private readonly items: ListItems,
    private readonly clock: () => Date,
  ) {
    db.exec(SCHEMA);
  }

  all(): RecycledEntry[] {
    return (this.db.prepare('SELECT * FROM recycle_bin ORDER BY deleted DESC, rowid DESC').all() as Row[]).map(toEntry);
  }

  byId(id: string): RecycledEntry | undefined {
    const row = this.db.prepare('SELECT * FROM recycle_bin WHERE lower(id) = lower(?)').get(id.replace(/^\{|\}$/g, '')) as Row | undefined;
    return row && toEntry(row);
  }

  /** Moves an item to the bin (honouring IF-Match); returns the bin entry's id. */
  recycleItem(list: ListRecord, id: number, ifMatch: string | null, userId: number, dirName: string): string {
    const binId = randomUUID();
    this.db.transaction(() => {
      const row = this.items.get(list, id);
      if (!row) throw spErrors.itemNotFound();
      this.items.delete(list, id, ifMatch, true);
      this.db
        .prepare('INSERT INTO recycle_bin (id, item_type, list_seq, item_id, title, dir_name, deleted, deleted_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(binId, RECYCLED_TYPE.ListItem, list.seq, id, String(row.Title ?? ''), dirName, nowIso(this.clock), userId, JSON.stringify(row));
    })();
    return binId;
  }

  /** Moves a whole list to the bin: it disappears from the site, its items and history are kept for a restore. */
  recycleList(list: ListRecord, userId: number, dirName: string): string {
    const binId = randomUUID();
    this.db.transaction(() => {
      const data: RecycledList = {
        list: this.db.prepare('SELECT * FROM lists WHERE seq = ?').get(list.seq) as Record<string, unknown>,
        fields: this.db.prepare('SELECT * FROM fields WHERE list_seq = ?').all(list.seq) as Record<string, unknown>[],
        views: this.db.prepare('SELECT * FROM views WHERE list_seq = ?').all(list.seq) as Record<string, unknown>[],
      };
      this.db.prepare('DELETE FROM lists WHERE seq = ?').run(list.seq);
      this.db
        .prepare('INSERT INTO recycle_bin (id, item_type, list_seq, item_id, title, dir_name, deleted, deleted_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(binId, RECYCLED_TYPE.List, list.seq, 0, list.title, dirName, nowIso(this.clock), userId, JSON.stringify(data));
      this.items.changes.record(list, 0, CHANGE_TYPE.DeleteObject, nowIso(this.clock));
    })();
    return binId;
  }

  /** Puts an entry back where it was; refused when its list is gone or its title is taken again. */
  restore(entry: RecycledEntry): void {
    const row = this.db.prepare('SELECT data FROM recycle_bin WHERE id = ?').get(entry.id) as { data: string };
    this.db.transaction(() => {
      if (entry.itemType === RECYCLED_TYPE.ListItem) {
        const list = this.catalog.all().find((l) => l.seq === entry.listSeq);
        if (!list) throw spErrors.badRequest(`The list of '${entry.title}' is not on the site any more: restore the list from the recycle bin first.`);
        this.items.restoreRow(list, JSON.parse(row.data) as ItemRow);
        this.items.changes.record(list, entry.itemId, CHANGE_TYPE.Restore, nowIso(this.clock));
      } else {
        const data = JSON.parse(row.data) as RecycledList;
        if (this.catalog.byTitle(String(data.list.title))) throw spErrors.duplicateList();
        insertRow(this.db, 'lists', data.list);
        for (const field of data.fields) insertRow(this.db, 'fields', field);
        for (const view of data.views) insertRow(this.db, 'views', view);
        this.items.changes.record({ seq: entry.listSeq, id: String(data.list.id) }, 0, CHANGE_TYPE.Restore, nowIso(this.clock));
      }
      this.db.prepare('DELETE FROM recycle_bin WHERE id = ?').run(entry.id);
    })();
  }

  /** Deletes an entry for good, with an item's versions or a list's items. */
  purge(entry: RecycledEntry): void {
    this.db.transaction(() => {
      if (entry.itemType === RECYCLED_TYPE.ListItem) {
        this.items.versions.deleteItem(entry.listSeq, entry.itemId);
      } else {
        this.db.exec(`DROP TABLE IF EXISTS ${tableOf({ seq: entry.listSeq })}`);
        this.items.versions.deleteList(entry.listSeq);
      }
      this.db.prepare('DELETE FROM recycle_bin WHERE id = ?').run(entry.id);
    })();
  }
}

function insertRow(db: Database.Database, table: string, row: Record<string, unknown>): void {
  const names = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]));
}

function toEntry(row: Row): RecycledEntry {
  return { id: row.id, itemType: row.item_type, listSeq: row.list_seq, itemId: row.item_id, title: row.title, dirName: row.dir_name, deleted: row.deleted, deletedBy: row.deleted_by };
}
