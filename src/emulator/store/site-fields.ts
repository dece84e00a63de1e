import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { spErrors } from '../sp-error';
import { builtInSiteColumns } from './builtin-fields';
import { encodeInternalName, type FieldKind } from './field-kinds';
import type { FieldRecord } from './list-catalog';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS site_fields (
  id TEXT PRIMARY KEY,
  internal_name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  props TEXT NOT NULL DEFAULT '{}',
  position INTEGER NOT NULL
);
`;

type Row = { id: string; internal_name: string; title: string; kind: string; props: string; position: number };

/**
 * Site columns (`web.fields`, `web.availablefields`): the built-in ones SharePoint ships,
 * plus those added on the site. A site column has no storage of its own; a list that uses
 * one gets its own copy with the same id (see `ListCatalog.addField`).
 */
export class SiteFields {
  private readonly builtIns = builtInSiteColumns();

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  /** Every site column, built-in first, in the order they were added. */
  all(): FieldRecord[] {
    const own = (this.db.prepare('SELECT * FROM site_fields ORDER BY position').all() as Row[]).map((row) => ({
      listSeq: 0,
      id: row.id,
      internalName: row.internal_name,
      title: row.title,
      kind: row.kind as FieldKind,
      indexed: false,
      unique: false,
      builtIn: false,
      props: JSON.parse(row.props) as Record<string, unknown>,
      position: this.builtIns.length + row.position,
    }));
    return [...this.builtIns, ...own];
  }

  /** Adds a site column; its internal name comes from the title unless schema XML names it. */
  add(title: string, kind: FieldKind, props: Record<string, unknown>, fixed: { internalName?: string; id?: string } = {}): FieldRecord {
    const internalName = fixed.internalName ?? encodeInternalName(title);
    const all = this.all();
    if (!internalName || all.some((f) => f.internalName.toLowerCase() === internalName.toLowerCase() || f.title.toLowerCase() === title.toLowerCase())) {
      throw spErrors.duplicateField(title);
    }
    const id = fixed.id ?? randomUUID();
    if (all.some((f) => f.id.toLowerCase() === id.toLowerCase())) throw spErrors.duplicateField(title);
    this.db.prepare('INSERT INTO site_fields (id, internal_name, title, kind, props, position) VALUES (?, ?, ?, ?, ?, ?)').run(id, internalName, title, kind, JSON.stringify(props), all.length);
    return this.all().find((f) => f.id === id)!;
  }

  /** Changes a site column's title or settings; built-in columns cannot be changed. */
  update(field: FieldRecord, changes: { title?: string; props?: Record<string, unknown> }): void {
    if (field.builtIn) throw spErrors.badRequest(`The site column '${field.title}' is built in and cannot be changed.`);
    this.db.prepare('UPDATE site_fields SET title = ?, props = ? WHERE id = ?').run(changes.title ?? field.title, JSON.stringify({ ...field.props, ...changes.props }), field.id);
  }

  /** Deletes a site column; built-in columns cannot be deleted. */
  delete(field: FieldRecord): void {
    if (field.builtIn) throw spErrors.badRequest(`The site column '${field.title}' is built in and cannot be deleted.`);
    this.db.prepare('DELETE FROM site_fields WHERE id = ?').run(field.id);
  }
}
