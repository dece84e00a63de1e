import type Database from 'better-sqlite3';

/** SharePoint's SP.ChangeType values the emulator records. */
export const CHANGE_TYPE = { Add: 1, Update: 2, DeleteObject: 3, Restore: 7 } as const;

/** One recorded change: what (an item of a list, or the list itself when itemId is 0), how, when. */
export type ChangeRecord = { seq: number; listSeq: number; listId: string; itemId: number; changeType: number; time: string };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  list_seq INTEGER NOT NULL,
  list_id TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  change_type INTEGER NOT NULL,
  time TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_change_log_list ON change_log (list_seq, seq);
`;

/**
 * The change log behind `getchanges` on a list and on the web: one append-only table, so
 * both read the same store; a change token names a position in it (its `seq`).
 */
export class ChangeLog {
  private readonly insert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.insert = db.prepare('INSERT INTO change_log (list_seq, list_id, item_id, change_type, time) VALUES (?, ?, ?, ?, ?)');
  }

  /** Appends a change (callers run it in the transaction of the write it records). */
  record(list: { seq: number; id: string }, itemId: number, changeType: number, time: string): void {
    this.insert.run(list.seq, list.id, itemId, changeType, time);
  }

  /** Changes after `afterSeq` (0: from the start), of one list or (null) of the whole web, oldest first. */
  since(listSeq: number | null, afterSeq: number, limit: number): ChangeRecord[] {
    const rows = (
      listSeq === null
        ? this.db.prepare('SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit)
        : this.db.prepare('SELECT * FROM change_log WHERE list_seq = ? AND seq > ? ORDER BY seq LIMIT ?').all(listSeq, afterSeq, limit)
    ) as { seq: number; list_seq: number; list_id: string; item_id: number; change_type: number; time: string }[];
    return rows.map((r) => ({ seq: r.seq, listSeq: r.list_seq, listId: r.list_id, itemId: r.item_id, changeType: r.change_type, time: r.time }));
  }

  /** The newest position in the log (0 when empty). */
  latest(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM change_log').get() as { n: number }).n;
  }
}
