import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { spErrors } from '../sp-error';
import { encodeInternalName, sqlTypeOf, type FieldKind } from './field-kinds';

/** A list as the catalog keeps it. `seq` names its items table (`items_<seq>`). */
export type ListRecord = {
  seq: number;
  id: string;
  title: string;
  description: string;
  baseTemplate: number;
  /** The folder name under `Lists/`, fixed at creation like SharePoint's list URL. */
  urlName: string;
  created: string;
  modified: string;
  version: number;
};

/** A field of a list; built-in fields (ID, Title, Created, …) are rows too. */
export type FieldRecord = {
  listSeq: number;
  id: string;
  internalName: string;
  title: string;
  kind: FieldKind;
  indexed: boolean;
  unique: boolean;
  builtIn: boolean;
  /** Type-specific settings as sent on create (MaxLength, Choices, DisplayFormat, …). */
  props: Record<string, unknown>;
  position: number;
};

/** A list view: its CAML `<Query>` body, row limit and page name. */
export type ViewRecord = {
  id: string;
  listSeq: number;
  title: string;
  urlName: string;
  viewQuery: string;
  rowLimit: number;
  personal: boolean;
  isDefault: boolean;
  paged: boolean;
  viewFields: string[];
  position: number;
};

type ListRow = { seq: number; id: string; title: string; description: string; base_template: number; url_name: string; created: string; modified: string; version: number };
type FieldRow = { list_seq: number; id: string; internal_name: string; title: string; kind: string; indexed: number; unique_values: number; built_in: number; props: string; position: number };
type ViewRow = { id: string; list_seq: number; title: string; url_name: string; view_query: string; row_limit: number; personal: number; is_default: number; paged: number; view_fields: string; position: number };

/** The storage column of a field. Built-ins keep their own names; version is internal. */
export function columnOf(field: Pick<FieldRecord, 'internalName'>): string {
  return `"${field.internalName}"`;
}

/** The items table of a list. */
export function tableOf(list: Pick<ListRecord, 'seq'>): string {
  return `items_${list.seq}`;
}

/** The stored built-in fields, with the ids SharePoint gives them in every list (SPBuiltInFieldId). */
const BUILT_IN_FIELDS: { id: string; internalName: string; title: string; kind: FieldKind; indexed: boolean }[] = [
  { id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', internalName: 'ID', title: 'ID', kind: 'counter', indexed: true },
  { id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', internalName: 'Title', title: 'Title', kind: 'text', indexed: false },
  { id: '8c06beca-0777-48f7-91c7-6da68bc07b69', internalName: 'Created', title: 'Created', kind: 'datetime', indexed: false },
  { id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', internalName: 'Modified', title: 'Modified', kind: 'datetime', indexed: false },
  { id: '1df5e554-ec7e-46a6-901d-d85a3881cb18', internalName: 'Author', title: 'Created By', kind: 'user', indexed: false },
  { id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2', internalName: 'Editor', title: 'Modified By', kind: 'user', indexed: false },
];

/** Now, as SharePoint writes dates: `2024-05-31T10:00:00Z`. */
export function nowIso(clock: () => Date): string {
  return clock().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Lists, fields and views. Each list gets one SQLite table with a column per field
 * (ALTER TABLE ADD COLUMN when a field is added, CREATE INDEX when it is indexed), and
 * ids from AUTOINCREMENT so an item id is never reused, as in SharePoint.
 */
export class ListCatalog {
  private fieldCache = new Map<number, FieldRecord[]>();

  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date,
  ) {
    // Sites stored before built-in fields had SharePoint's fixed ids get them now.
    const fix = db.prepare('UPDATE fields SET id = ? WHERE built_in = 1 AND internal_name = ? AND id <> ?');
    for (const field of BUILT_IN_FIELDS) fix.run(field.id, field.internalName, field.id);
  }

  all(): ListRecord[] {
    return (this.db.prepare('SELECT * FROM lists ORDER BY seq').all() as ListRow[]).map(toList);
  }

  byTitle(title: string): ListRecord | undefined {
    const row = this.db.prepare('SELECT * FROM lists WHERE title = ?').get(title) as ListRow | undefined;
    return row && toList(row);
  }

  byId(id: string): ListRecord | undefined {
    const row = this.db.prepare('SELECT * FROM lists WHERE lower(id) = lower(?)').get(id) as ListRow | undefined;
    return row && toList(row);
  }

  /** The list whose folder is `Lists/<urlName>` (also matched without spaces, as links often drop them). */
  byUrlName(urlName: string): ListRecord | undefined {
    const wanted = urlName.toLowerCase();
    return this.all().find((list) => list.urlName.toLowerCase() === wanted || list.urlName.replace(/\s+/g, '').toLowerCase() === wanted);
  }

  /** Creates a list with its items table, built-in fields and an "All Items" view. */
  create(title: string, description: string, baseTemplate: number): ListRecord {
    if (this.byTitle(title)) throw spErrors.duplicateList();
    const now = nowIso(this.clock);
    // SharePoint names the list folder after the title at creation, minus characters a URL cannot hold.
    const urlName = title.replace(/[~"#%&*:<>?/\\{|}.']/g, '').trim() || 'List';
    const create = this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO lists (id, title, description, base_template, url_name, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), title, description, baseTemplate, urlName, now, now);
      const seq = Number(info.lastInsertRowid);
      this.db.exec(
        `CREATE TABLE ${tableOf({ seq })} (ID INTEGER PRIMARY KEY AUTOINCREMENT, GUID TEXT NOT NULL, _Version INTEGER NOT NULL DEFAULT 1, ` +
          `Title TEXT COLLATE NOCASE, Created TEXT NOT NULL, Modified TEXT NOT NULL, Author INTEGER, Editor INTEGER)`,
      );
      BUILT_IN_FIELDS.forEach((field, position) => {
        this.db
          .prepare('INSERT INTO fields (list_seq, id, internal_name, title, kind, indexed, built_in, props, position) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)')
          .run(seq, field.id, field.internalName, field.title, field.kind, field.indexed ? 1 : 0, field.internalName === 'Title' ? '{"MaxLength":255}' : '{}', position);
      });
      this.db
        .prepare('INSERT INTO views (id, list_seq, title, url_name, row_limit, is_default, view_fields, position) VALUES (?, ?, ?, ?, 30, 1, ?, 0)')
        .run(randomUUID(), seq, 'All Items', 'AllItems', JSON.stringify(['LinkTitle']));
      return seq;
    });
    const seq = create();
    return this.all().find((list) => list.seq === seq)!;
  }

  /** Applies a MERGE to a list's settable properties (Title, Description). */
  update(list: ListRecord, changes: { title?: string; description?: string }): void {
    if (changes.title !== undefined && changes.title.toLowerCase() !== list.title.toLowerCase() && this.byTitle(changes.title)) throw spErrors.duplicateList();
    this.db
      .prepare('UPDATE lists SET title = ?, description = ?, modified = ?, version = version + 1 WHERE seq = ?')
      .run(changes.title ?? list.title, changes.description ?? list.description, nowIso(this.clock), list.seq);
  }

  delete(list: ListRecord): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM lists WHERE seq = ?').run(list.seq);
      this.db.exec(`DROP TABLE IF EXISTS ${tableOf(list)}`);
    })();
    this.fieldCache.delete(list.seq);
  }

  touch(list: ListRecord): void {
    this.db.prepare('UPDATE lists SET modified = ? WHERE seq = ?').run(nowIso(this.clock), list.seq);
  }

  fields(list: ListRecord): FieldRecord[] {
    const cached = this.fieldCache.get(list.seq);
    if (cached) return cached;
    const fields = (this.db.prepare('SELECT * FROM fields WHERE list_seq = ? ORDER BY position').all(list.seq) as FieldRow[]).map(toField);
    this.fieldCache.set(list.seq, fields);
    return fields;
  }

  /** A field by internal name or title, as `getByInternalNameOrTitle` finds it. */
  field(list: ListRecord, nameOrTitle: string): FieldRecord | undefined {
    const fields = this.fields(list);
    return (
      fields.find((f) => f.internalName === nameOrTitle) ??
      fields.find((f) => f.title === nameOrTitle) ??
      fields.find((f) => f.internalName.toLowerCase() === nameOrTitle.toLowerCase() || f.title.toLowerCase() === nameOrTitle.toLowerCase())
    );
  }

  fieldById(list: ListRecord, id: string): FieldRecord | undefined {
    return this.fields(list).find((f) => f.id.toLowerCase() === id.toLowerCase());
  }

  /**
   * Adds a field and its column. The internal name comes from the title, as on creation in
   * SharePoint, unless schema XML names it (`createFieldAsXml` Name=, with its own ID=).
   */
  addField(list: ListRecord, title: string, kind: FieldKind, props: Record<string, unknown>, fixed: { internalName?: string; id?: string } = {}): FieldRecord {
    const internalName = fixed.internalName ?? encodeInternalName(title);
    if (!internalName || this.fields(list).some((f) => f.internalName.toLowerCase() === internalName.toLowerCase() || f.title.toLowerCase() === title.toLowerCase())) {
      throw spErrors.duplicateField(title);
    }
    const position = this.fields(list).length;
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO fields (list_seq, id, internal_name, title, kind, props, position) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(list.seq, fixed.id ?? randomUUID(), internalName, title, kind, JSON.stringify(props), position);
      this.db.exec(`ALTER TABLE ${tableOf(list)} ADD COLUMN ${columnOf({ internalName })} ${sqlTypeOf(kind, props)}`);
    })();
    this.fieldCache.delete(list.seq);
    return this.field(list, internalName)!;
  }

  /**
   * Updates a field. Indexing creates an SQLite index; EnforceUniqueValues needs the
   * field indexed and no duplicate values already in the list, as in SharePoint.
   */
  updateField(list: ListRecord, field: FieldRecord, changes: { title?: string; indexed?: boolean; unique?: boolean; props?: Record<string, unknown> }): void {
    const indexed = changes.indexed ?? field.indexed;
    const unique = changes.unique ?? field.unique;
    if (unique && !indexed) {
      throw spErrors.badRequest(`The field '${field.title}' must be indexed to enforce unique values. Set Indexed to true in the same update.`);
    }
    if (unique && !field.unique) {
      const duplicate = this.db
        .prepare(`SELECT ${columnOf(field)} AS v FROM ${tableOf(list)} WHERE ${columnOf(field)} IS NOT NULL GROUP BY ${columnOf(field)} HAVING COUNT(*) > 1 LIMIT 1`)
        .get();
      if (duplicate) throw spErrors.badRequest('This field contains duplicate values. Remove the duplicate values and try the operation again.');
    }
    const index = `"ix_${list.seq}_${field.internalName}"`;
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE fields SET title = ?, indexed = ?, unique_values = ?, props = ? WHERE list_seq = ? AND internal_name = ?')
        .run(changes.title ?? field.title, indexed ? 1 : 0, unique ? 1 : 0, JSON.stringify({ ...field.props, ...changes.props }), list.seq, field.internalName);
      if (field.internalName !== 'ID') {
        this.db.exec(indexed ? `CREATE INDEX IF NOT EXISTS ${index} ON ${tableOf(list)} (${columnOf(field)})` : `DROP INDEX IF EXISTS ${index}`);
      }
    })();
    this.fieldCache.delete(list.seq);
  }

  deleteField(list: ListRecord, field: FieldRecord): void {
    if (field.builtIn) throw spErrors.badRequest(`The field '${field.title}' is a built-in field and cannot be deleted.`);
    this.db.transaction(() => {
      this.db.exec(`DROP INDEX IF EXISTS "ix_${list.seq}_${field.internalName}"`);
      this.db.exec(`ALTER TABLE ${tableOf(list)} DROP COLUMN ${columnOf(field)}`);
      this.db.prepare('DELETE FROM fields WHERE list_seq = ? AND internal_name = ?').run(list.seq, field.internalName);
    })();
    this.fieldCache.delete(list.seq);
  }

  views(list: ListRecord): ViewRecord[] {
    return (this.db.prepare('SELECT * FROM views WHERE list_seq = ? ORDER BY position').all(list.seq) as ViewRow[]).map(toView);
  }

  view(list: ListRecord, title: string): ViewRecord | undefined {
    return this.views(list).find((v) => v.title.toLowerCase() === title.toLowerCase());
  }

  viewById(list: ListRecord, id: string): ViewRecord | undefined {
    return this.views(list).find((v) => v.id.toLowerCase() === id.toLowerCase());
  }

  /** The view served at `Lists/<list>/<page>.aspx`. */
  viewByPage(list: ListRecord, page: string): ViewRecord | undefined {
    return this.views(list).find((v) => v.urlName.toLowerCase() === page.toLowerCase());
  }

  addView(list: ListRecord, view: { title: string; viewQuery: string; rowLimit: number; personal: boolean; isDefault: boolean; paged: boolean; viewFields: string[] }): ViewRecord {
    const existing = this.views(list);
    if (existing.some((v) => v.title.toLowerCase() === view.title.toLowerCase())) {
      throw spErrors.badRequest(`A view named '${view.title}' already exists in this list. Choose another title.`);
    }
    // The page name is the title without characters a URL cannot hold, made unique like SharePoint does.
    const base = view.title.replace(/[^A-Za-z0-9_-]/g, '') || 'View';
    let urlName = base;
    for (let n = 1; existing.some((v) => v.urlName.toLowerCase() === urlName.toLowerCase()); n += 1) urlName = `${base}${n}`;
    const id = randomUUID();
    this.db.transaction(() => {
      if (view.isDefault) this.db.prepare('UPDATE views SET is_default = 0 WHERE list_seq = ?').run(list.seq);
      this.db
        .prepare('INSERT INTO views (id, list_seq, title, url_name, view_query, row_limit, personal, is_default, paged, view_fields, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, list.seq, view.title, urlName, view.viewQuery, view.rowLimit, view.personal ? 1 : 0, view.isDefault ? 1 : 0, view.paged ? 1 : 0, JSON.stringify(view.viewFields), existing.length);
    })();
    return this.viewById(list, id)!;
  }

  updateView(list: ListRecord, view: ViewRecord, changes: Partial<Pick<ViewRecord, 'title' | 'viewQuery' | 'rowLimit' | 'isDefault' | 'paged'>>): void {
    this.db.transaction(() => {
      if (changes.isDefault) this.db.prepare('UPDATE views SET is_default = 0 WHERE list_seq = ?').run(list.seq);
      this.db
        .prepare('UPDATE views SET title = ?, view_query = ?, row_limit = ?, is_default = ?, paged = ? WHERE id = ?')
        .run(changes.title ?? view.title, changes.viewQuery ?? view.viewQuery, changes.rowLimit ?? view.rowLimit, (changes.isDefault ?? view.isDefault) ? 1 : 0, (changes.paged ?? view.paged) ? 1 : 0, view.id);
    })();
  }

  /** Replaces a view's columns (internal names, in display order). */
  setViewFields(view: ViewRecord, viewFields: string[]): void {
    this.db.prepare('UPDATE views SET view_fields = ? WHERE id = ?').run(JSON.stringify(viewFields), view.id);
  }

  deleteView(view: ViewRecord): void {
    this.db.prepare('DELETE FROM views WHERE id = ?').run(view.id);
  }
}

function toList(row: ListRow): ListRecord {
  return {
    seq: row.seq,
    id: row.id,
    title: row.title,
    description: row.description,
    baseTemplate: row.base_template,
    urlName: row.url_name,
    created: row.created,
    modified: row.modified,
    version: row.version,
  };
}

function toField(row: FieldRow): FieldRecord {
  return {
    listSeq: row.list_seq,
    id: row.id,
    internalName: row.internal_name,
    title: row.title,
    kind: row.kind as FieldKind,
    indexed: row.indexed === 1,
    unique: row.unique_values === 1,
    builtIn: row.built_in === 1,
    props: JSON.parse(row.props) as Record<string, unknown>,
    position: row.position,
  };
}

function toView(row: ViewRow): ViewRecord {
  return {
    id: row.id,
    listSeq: row.list_seq,
    title: row.title,
    urlName: row.url_name,
    viewQuery: row.view_query,
    rowLimit: row.row_limit,
    personal: row.personal === 1,
    isDefault: row.is_default === 1,
    paged: row.paged === 1,
    viewFields: JSON.parse(row.view_fields) as string[],
    position: row.position,
  };
}
