import type Database from 'better-sqlite3';

/** An item's attachment, without its bytes. */
export type AttachmentInfo = { fileName: string; size: number; created: string };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS attachments (
  list_id TEXT NOT NULL COLLATE NOCASE, item_id INTEGER NOT NULL, file_name TEXT NOT NULL COLLATE NOCASE,
  content BLOB NOT NULL, created TEXT NOT NULL, PRIMARY KEY (list_id, item_id, file_name)
);`;

/** Item attachments, kept in SQLite beside the items (SharePoint keeps them in the list's Attachments folder). */
export class Attachments {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date,
  ) {
    db.exec(SCHEMA);
  }

  list(listId: string, itemId: number): AttachmentInfo[] {
    return (this.db.prepare('SELECT file_name, length(content) AS size, created FROM attachments WHERE list_id = ? AND item_id = ? ORDER BY created, file_name').all(listId, itemId) as { file_name: string; size: number; created: string }[]).map(
      (r) => ({ fileName: r.file_name, size: r.size, created: r.created }),
    );
  }

  get(listId: string, itemId: number, fileName: string): { info: AttachmentInfo; content: Uint8Array } | undefined {
    const row = this.db.prepare('SELECT file_name, content, created FROM attachments WHERE list_id = ? AND item_id = ? AND file_name = ?').get(listId, itemId, fileName) as { file_name: string; content: Buffer; created: string } | undefined;
    return row && { info: { fileName: row.file_name, size: row.content.length, created: row.created }, content: new Uint8Array(row.content) };
  }

  /** Adds a new attachment; false when the item already has one of that name. */
  add(listId: string, itemId: number, fileName: string, content: Uint8Array): boolean {
    const result = this.db.prepare('INSERT OR IGNORE INTO attachments (list_id, item_id, file_name, content, created) VALUES (?, ?, ?, ?, ?)').run(listId, itemId, fileName, Buffer.from(content), this.clock().toISOString());
    return result.changes === 1;
  }

  setContent(listId: string, itemId: number, fileName: string, content: Uint8Array): void {
    this.db.prepare('UPDATE attachments SET content = ? WHERE list_id = ? AND item_id = ? AND file_name = ?').run(Buffer.from(content), listId, itemId, fileName);
  }

  remove(listId: string, itemId: number, fileName: string): void {
    this.db.prepare('DELETE FROM attachments WHERE list_id = ? AND item_id = ? AND file_name = ?').run(listId, itemId, fileName);
  }
}
