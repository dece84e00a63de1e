import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { compileFilterToSql, compileOrderByToSql, indexedNarrowing, type FieldRef, type FilterExpr, type OrderBy, type SqlContext } from '../query';
import { spErrors } from '../sp-error';
import { choicesOf } from './choices';
import { evaluateFormula, FormulaValueError, parseFormula, type FormulaValue } from './calculated-formula';
import { queryKindOf, toJsonValue, toStoredValue } from './field-kinds';
import type { ItemVersions } from './item-versions';
import { CHANGE_TYPE, type ChangeLog } from './change-log';
import { columnOf, nowIso, tableOf, type FieldRecord, type ListCatalog, type ListRecord } from './list-catalog';
import type { SiteUsers } from './site-users';

/** An item row as stored: built-in columns plus one column per field, by internal name. */
export type ItemRow = Record<string, unknown> & { ID: number; GUID: string; _Version: number };

/** What to read: a filter and order (from OData or CAML), a page size and where the page starts. */
export type ItemQuery = {
  where: FilterExpr | null;
  orderBy: OrderBy[];
  top: number;
  /** `Paged=TRUE&p_ID=…` from a previous page's next link. */
  skipToken: string | null;
  currentUserId: number;
  /** yyyy-mm-dd, for `<Today/>`. */
  today: string;
  threshold: number;
};

export type ItemPage = { rows: ItemRow[]; nextSkipToken: string | null };

const USER_SUBS: Record<string, { sql: (column: string) => string; kind: 'text' | 'user' }> = {
  id: { sql: (c) => c, kind: 'user' },
  title: { sql: (c) => `(SELECT title FROM site_users WHERE id = ${c})`, kind: 'text' },
  email: { sql: (c) => `(SELECT email FROM site_users WHERE id = ${c})`, kind: 'text' },
  name: { sql: (c) => `(SELECT login_name FROM site_users WHERE id = ${c})`, kind: 'text' },
};

/** The sub-fields of a person field that `$select=Owner/…` can project. */
export const USER_SUB_NAMES: Record<string, string> = { id: 'Id', title: 'Title', email: 'EMail', name: 'Name' };

/**
 * The items of every list: reads with the SharePoint query rules (list view threshold,
 * paging by skip token), and writes with ETag checks and unique values.
 */
export class ListItems {
  private statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly catalog: ListCatalog,
    private readonly users: SiteUsers,
    private readonly clock: () => Date,
    /** Version history; every add and update records a version in the same transaction. */
    readonly versions: ItemVersions,
    /** The change log `getchanges` reads; written in the same transactions. */
    readonly changes: ChangeLog,
  ) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** A field of the list by the name a query or body uses: internal name, `ID`/`Id`, or `OwnerId` for a person field. */
  resolveName(list: ListRecord, name: string): { field: FieldRecord; viaId: boolean } | undefined {
    const fields = this.catalog.fields(list);
    if (name === 'Id' || name === 'ID') return { field: fields.find((f) => f.internalName === 'ID')!, viaId: false };
    const exact = fields.find((f) => f.internalName === name) ?? fields.find((f) => f.internalName.toLowerCase() === name.toLowerCase());
    if (exact) return { field: exact, viaId: false };
    const idMatch = /^(.+?)(String)?Id$/i.exec(name);
    if (idMatch) {
      const base = fields.find((f) => (f.kind === 'user' || f.kind === 'lookup') && f.internalName.toLowerCase() === idMatch[1].toLowerCase());
      if (base) return { field: base, viaId: true };
    }
    return undefined;
  }

  /** The SQL compiler's view of the list: columns by name, `Owner/EMail` as a subquery, 400 for an unknown field. */
  sqlContext(list: ListRecord, currentUserId: number, today: string): SqlContext {
    return {
      currentUserId,
      today,
      resolve: (ref: FieldRef) => {
        const found = this.resolveName(list, ref.name);
        const label = ref.sub ? `${ref.name}/${ref.sub}` : ref.name;
        if (!found) throw spErrors.unknownProperty(label);
        const { field } = found;
        const column = `t.${columnOf(field)}`;
        if (!ref.sub) return { sql: column, field: { internalName: field.internalName, kind: queryKindOf(field.kind, field.props), indexed: field.indexed } };
        const sub = field.kind === 'user' ? USER_SUBS[ref.sub.toLowerCase()] : undefined;
        if (!sub) throw spErrors.unknownProperty(label);
        // A projected person property (Owner/EMail) is a lookup into the user list: never indexed.
        const indexed = sub.kind === 'user' && field.indexed;
        return { sql: sub.sql(column), field: { internalName: label, kind: sub.kind, indexed } };
      },
    };
  }

  count(list: ListRecord): number {
    return (this.prepare(`SELECT COUNT(*) AS n FROM ${tableOf(list)}`).get() as { n: number }).n;
  }

  get(list: ListRecord, id: number): ItemRow | undefined {
    return this.prepare(`SELECT * FROM ${tableOf(list)} WHERE ID = ?`).get(id) as ItemRow | undefined;
  }

  /** Refuses what SharePoint refuses on a list above the threshold, then reads one page. */
  query(list: ListRecord, q: ItemQuery): ItemPage {
    const ctx = this.sqlContext(list, q.currentUserId, q.today);
    const where = q.where ? compileFilterToSql(q.where, ctx) : { sql: '', params: [] as unknown[] };
    const orderBy = q.orderBy.some((o) => isIdRef(o.field)) ? q.orderBy : [...q.orderBy, { field: { name: 'ID' }, ascending: true }];
    // Resolving the order terms first gives "field does not exist" before any threshold error.
    const terms = orderBy.map((o) => {
      const resolved = ctx.resolve(o.field);
      return { ref: o.field, ascending: o.ascending, sql: parenthesise(resolved.sql), textual: ['text', 'note', 'choice'].includes(resolved.field.kind), indexed: resolved.field.indexed };
    });
    this.checkThreshold(list, q, ctx, terms);

    const conditions: string[] = where.sql ? [where.sql] : [];
    const params = [...where.params];
    if (q.skipToken) conditions.push(this.afterToken(q.skipToken, terms, params));
    const keys = terms.map((t, i) => `${t.sql} AS "__k${i}"`).join(', ');
    const sql =
      `SELECT t.*, ${keys} FROM ${tableOf(list)} t` +
      (conditions.length ? ` WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}` : '') +
      ` ORDER BY ${compileOrderByToSql(orderBy, ctx).sql} LIMIT ?`;
    const rows = this.prepare(sql).all(...params, q.top + 1) as ItemRow[];
    let nextSkipToken: string | null = null;
    if (rows.length > q.top) {
      rows.length = q.top;
      const last = rows[rows.length - 1];
      const token = new URLSearchParams({ Paged: 'TRUE' });
      terms.forEach((t, i) => {
        if (!isIdRef(t.ref)) token.append(`p_${t.ref.sub ? `${t.ref.name}.${t.ref.sub}` : t.ref.name}`, last[`__k${i}`] === null ? '' : String(last[`__k${i}`]));
      });
      token.append('p_ID', String(last.ID));
      nextSkipToken = token.toString();
    }
    for (const row of rows) for (let i = 0; i < terms.length; i += 1) delete row[`__k${i}`];
    return { rows, nextSkipToken };
  }

  /**
   * SharePoint's list view threshold: on a list with more items than the threshold, a
   * filtered query must narrow through an indexed field to at most `threshold` rows; an
   * unfiltered one may only page in an indexed order, at most `threshold` rows at a time.
   */
  private checkThreshold(list: ListRecord, q: ItemQuery, ctx: SqlContext, terms: { indexed: boolean }[]): void {
    if (this.count(list) <= q.threshold) return;
    if (q.where) {
      const narrowing = indexedNarrowing(q.where, (ref) => {
        try {
          return ctx.resolve(ref).field.indexed;
        } catch {
          return false;
        }
      });
      if (!narrowing) throw spErrors.throttledQuery();
      const { sql, params } = compileFilterToSql(narrowing, ctx);
      const counted = this.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${tableOf(list)} t WHERE ${sql} LIMIT ?)`).get(...params, q.threshold + 1) as { n: number };
      if (counted.n > q.threshold) throw spErrors.throttledQuery();
      return;
    }
    if (q.top > q.threshold || terms.some((t) => !t.indexed)) throw spErrors.throttledQuery();
  }

  /** The keyset condition "after the last row of the previous page", for any mix of directions. */
  private afterToken(skipToken: string, terms: { ref: FieldRef; ascending: boolean; sql: string; textual: boolean }[], params: unknown[]): string {
    const token = new URLSearchParams(skipToken);
    const lastId = Number(token.get('p_ID'));
    if (!Number.isInteger(lastId)) throw spErrors.badQuery(`The $skiptoken '${skipToken}' is not valid: it has no p_ID. Use the odata.nextLink the previous page returned.`);
    const values = terms.map((t) => {
      if (isIdRef(t.ref)) return lastId;
      const key = `p_${t.ref.sub ? `${t.ref.name}.${t.ref.sub}` : t.ref.name}`;
      const raw = token.get(key);
      return raw === null || raw === '' ? null : t.textual ? raw : Number.isNaN(Number(raw)) ? raw : Number(raw);
    });
    const tokenHasOrder = terms.every((t) => isIdRef(t.ref) || token.has(`p_${t.ref.sub ? `${t.ref.name}.${t.ref.sub}` : t.ref.name}`));
    // A hand-built token with only p_ID (items.skip) pages by ID alone, as SharePoint does.
    const used = tokenHasOrder ? terms : terms.filter((t) => isIdRef(t.ref));
    const usedValues = tokenHasOrder ? values : [lastId];
    const alternatives: string[] = [];
    used.forEach((_, k) => {
      const parts: string[] = [];
      for (let i = 0; i < k; i += 1) parts.push(equalTo(used[i], usedValues[i], params));
      parts.push(after(used[k], usedValues[k], params));
      alternatives.push(`(${parts.join(' AND ')})`);
    });
    return alternatives.join(' OR ');
  }

  /** Adds an item from a REST body; returns the stored row. */
  add(list: ListRecord, body: Record<string, unknown>, userId: number): ItemRow {
    const values = this.columnsFromBody(list, body);
    // A field's DefaultValue fills what the new item leaves out, as SharePoint does on create.
    for (const field of this.catalog.fields(list)) {
      const fallback = field.props.DefaultValue;
      if (field.builtIn || field.internalName in values || typeof fallback !== 'string' || fallback === '') continue;
      const value = field.kind === 'boolean' ? fallback === '1' || fallback.toLowerCase() === 'true' : fallback;
      values[field.internalName] = toStoredValue(field.kind, value, field.internalName, Number(field.props.DisplayFormat ?? 1) === 0);
    }
    const now = nowIso(this.clock);
    Object.assign(values, this.calculated(list, { ...values, Created: now, Modified: now }));
    const insert = this.db.transaction(() => {
      this.checkUnique(list, values, null);
      const names = Object.keys(values);
      const sql = `INSERT INTO ${tableOf(list)} (GUID, Created, Modified, Author, Editor${names.map((n) => `, ${columnOf({ internalName: n })}`).join('')}) VALUES (?, ?, ?, ?, ?${names.map(() => ', ?').join('')})`;
      const id = Number(this.prepare(sql).run(randomUUID(), now, now, userId, userId, ...names.map((n) => values[n])).lastInsertRowid);
      const row = this.get(list, id)!;
      this.versions.record(list.seq, row);
      this.changes.record(list, id, CHANGE_TYPE.Add, now);
      return row;
    });
    return insert();
  }

  /** MERGE: checks IF-Match against the item's version, then applies the body. Returns the new row. */
  update(list: ListRecord, id: number, body: Record<string, unknown>, ifMatch: string | null, userId: number): ItemRow {
    const values = this.columnsFromBody(list, body);
    const run = this.db.transaction(() => {
      const current = this.get(list, id);
      if (!current) throw spErrors.itemNotFound();
      checkEtag(ifMatch, current._Version);
      const now = nowIso(this.clock);
      Object.assign(values, this.calculated(list, { ...current, ...values, Modified: now }));
      this.checkUnique(list, values, id);
      const names = Object.keys(values);
      const sql = `UPDATE ${tableOf(list)} SET _Version = _Version + 1, Modified = ?, Editor = ?${names.map((n) => `, ${columnOf({ internalName: n })} = ?`).join('')} WHERE ID = ?`;
      this.prepare(sql).run(now, userId, ...names.map((n) => values[n]), id);
      const row = this.get(list, id)!;
      this.versions.record(list.seq, row);
      this.changes.record(list, id, CHANGE_TYPE.Update, now);
      return row;
    });
    return run();
  }

  /**
   * The values of the list's calculated fields for an item whose columns are `row`
   * (by internal name). A formula that cannot work with the values gives no value, where
   * SharePoint shows #VALUE!.
   */
  calculated(list: ListRecord, row: Record<string, unknown>): Record<string, string | number | null> {
    const fields = this.catalog.fields(list);
    const out: Record<string, string | number | null> = {};
    for (const field of fields) {
      if (field.kind !== 'calculated') continue;
      const lookup = (name: string): FormulaValue => {
        const ref = fields.find((f) => f.internalName === name) ?? fields.find((f) => f.title.toLowerCase() === name.toLowerCase() || f.internalName.toLowerCase() === name.toLowerCase());
        if (!ref) return null;
        const value = toJsonValue(ref.kind, row[ref.internalName] ?? null, ref.props);
        return Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? String((value as { Url?: string }).Url ?? '') : (value as FormulaValue);
      };
      let result: FormulaValue;
      try {
        result = evaluateFormula(parseFormula(String(field.props.Formula ?? '')), lookup);
      } catch (error) {
        if (error instanceof FormulaValueError) result = null;
        else throw error;
      }
      const kind = queryKindOf('calculated', field.props);
      out[field.internalName] =
        result === null ? null : kind === 'number' ? Number(result) : kind === 'boolean' ? (result === true || result === 1 ? 1 : 0) : typeof result === 'boolean' ? (result ? 'TRUE' : 'FALSE') : String(result);
    }
    return out;
  }

  /** Works out every item's calculated values again (a calculated field was added or changed). */
  recalculate(list: ListRecord): void {
    const names = this.catalog.fields(list).filter((f) => f.kind === 'calculated').map((f) => f.internalName);
    if (names.length === 0) return;
    const rows = this.db.prepare(`SELECT * FROM ${tableOf(list)}`).all() as ItemRow[];
    const sql = `UPDATE ${tableOf(list)} SET ${names.map((n) => `${columnOf({ internalName: n })} = ?`).join(', ')} WHERE ID = ?`;
    this.db.transaction(() => {
      for (const row of rows) {
        const values = this.calculated(list, row);
        this.db.prepare(sql).run(...names.map((n) => values[n]), row.ID);
      }
    })();
  }

  /** Puts back a row as it was (restore from the recycle bin), with its id, GUID and version. */
  restoreRow(list: ListRecord, row: ItemRow): void {
    const columns = new Set(['ID', 'GUID', '_Version', ...this.catalog.fields(list).map((f) => f.internalName)]);
    const names = Object.keys(row).filter((n) => columns.has(n));
    this.prepare(`INSERT INTO ${tableOf(list)} (${names.map((n) => columnOf({ internalName: n })).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]));
  }

  /** Deletes an item, honouring IF-Match; a recycled item keeps its versions for a restore. */
  delete(list: ListRecord, id: number, ifMatch: string | null, keepVersions = false): void {
    this.db.transaction(() => {
      const current = this.get(list, id);
      if (!current) throw spErrors.itemNotFound();
      checkEtag(ifMatch, current._Version);
      this.prepare(`DELETE FROM ${tableOf(list)} WHERE ID = ?`).run(id);
      if (!keepVersions) this.versions.deleteItem(list.seq, id);
      this.changes.record(list, id, CHANGE_TYPE.DeleteObject, nowIso(this.clock));
    })();
  }

  /** Maps body properties (`Title`, `Status`, `OwnerId`) to columns, refusing what SharePoint refuses. */
  private columnsFromBody(list: ListRecord, body: Record<string, unknown>): Record<string, string | number | null> {
    const entityType = entityTypeOf(list);
    const out: Record<string, string | number | null> = {};
    for (const [key, value] of Object.entries(body)) {
      if (key === '__metadata') {
        const type = (value as { type?: unknown } | null)?.type;
        if (typeof type === 'string' && type !== entityType) throw spErrors.unresolvedType(type);
        continue;
      }
      if (key.startsWith('odata.')) continue;
      const found = this.resolveName(list, key);
      // Property names are case-sensitive in SharePoint: `status` is not `Status`.
      if (!found || (!found.viaId && found.field.internalName !== key && key !== 'Id')) {
        throw spErrors.unknownBodyProperty(key, entityType);
      }
      const { field, viaId } = found;
      if (field.builtIn && field.internalName !== 'Title') {
        throw spErrors.badRequest(`The property '${key}' is set by SharePoint and cannot be written. Remove it from the request body.`);
      }
      if (field.kind === 'user' && !viaId) {
        throw spErrors.badRequest(`'${key}' is a person field: set '${field.internalName}Id' to a site user id (see _api/web/ensureuser) instead.`);
      }
      if (field.kind === 'lookup' && !viaId) {
        throw spErrors.badRequest(`'${key}' is a lookup field: set '${field.internalName}Id' to the id of an item in the looked-up list instead.`);
      }
      const dateOnly = field.kind === 'datetime' && Number(field.props.DisplayFormat ?? 1) === 0;
      let stored = toStoredValue(field.kind, value, field.internalName, dateOnly);
      // SharePoint keeps an empty text as no value: it reads back as null.
      if (stored === '') stored = null;
      if (stored !== null) checkFieldRules(field, stored);
      if (field.kind === 'user' && stored !== null && !this.users.byId(Number(stored))) {
        throw spErrors.badRequest(`The user with id ${stored} does not exist or is not unique. Resolve the person with _api/web/ensureuser first.`);
      }
      out[field.internalName] = stored;
    }
    return out;
  }

  private checkUnique(list: ListRecord, values: Record<string, string | number | null>, exceptId: number | null): void {
    for (const field of this.catalog.fields(list)) {
      if (!field.unique || !(field.internalName in values)) continue;
      const value = values[field.internalName];
      if (value === null) continue;
      const clash = this.prepare(`SELECT ID FROM ${tableOf(list)} WHERE ${columnOf(field)} = ? AND ID <> ? LIMIT 1`).get(value, exceptId ?? -1);
      if (clash) throw spErrors.duplicateValues();
    }
  }
}

/**
 * The rules SharePoint applies to a field's value on write: a text no longer than its
 * MaxLength (255 by default), a number within MinimumValue/MaximumValue, a choice among
 * the field's Choices unless it allows fill-in values.
 */
function checkFieldRules(field: FieldRecord, stored: string | number): void {
  const p = field.props;
  switch (field.kind) {
    case 'text': {
      const max = Number(p.MaxLength ?? 255);
      if (String(stored).length > max) throw spErrors.textTooLong(field.title, max);
      break;
    }
    case 'number':
    case 'currency': {
      const min = typeof p.MinimumValue === 'number' ? p.MinimumValue : -Infinity;
      const max = typeof p.MaximumValue === 'number' ? p.MaximumValue : Infinity;
      if (Number(stored) < min || Number(stored) > max) throw spErrors.numberOutOfRange(field.title, min, max);
      break;
    }
    case 'choice':
    case 'multichoice': {
      if (p.FillInChoice === true) break;
      const allowed = choicesOf(p);
      const values = field.kind === 'choice' ? [String(stored)] : (JSON.parse(String(stored)) as string[]);
      const wrong = values.find((v) => !allowed.includes(v));
      if (wrong !== undefined) throw spErrors.choiceNotAllowed(field.title, wrong);
      break;
    }
    default:
      break;
  }
}

/** `SP.Data.<Name>ListItem`: the item type SharePoint derives from the list's folder name. */
export function entityTypeOf(list: ListRecord): string {
  return `SP.Data.${entityNameOf(list)}Item`;
}

/** `Plan_x0020_ItemsList`: the list's EntityTypeName (folder name, XML-encoded, plus "List"). */
export function entityNameOf(list: ListRecord): string {
  const encoded = list.urlName.replace(/[^A-Za-z0-9]/g, (ch) => (ch === '_' ? '_x005f_' : `_x${ch.charCodeAt(0).toString(16).padStart(4, '0')}_`));
  return `${encoded}List`;
}

/** `"3"`: the ETag of an item version, quotes included, as SharePoint sends it. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

function checkEtag(ifMatch: string | null, version: number): void {
  if (ifMatch === null || ifMatch.trim() === '*' || ifMatch.trim() === '') return;
  const sent = ifMatch.trim().replace(/^W\//, '');
  const bare = sent.replace(/^"|"$/g, '').replace(/,.*$/, '');
  if (bare !== String(version)) throw spErrors.staleEtag(sent, etagOf(version));
}

function isIdRef(ref: FieldRef): boolean {
  return !ref.sub && (ref.name === 'ID' || ref.name === 'Id');
}

function parenthesise(sql: string): string {
  return /^[\w."[\]`]+$/.test(sql) ? sql : `(${sql})`;
}

function equalTo(term: { sql: string; textual: boolean }, value: unknown, params: unknown[]): string {
  if (value === null) return `${term.sql} IS NULL`;
  params.push(value);
  return `${term.sql}${term.textual ? ' COLLATE NOCASE' : ''} = ?`;
}

/** "Sorts after `value`" with empty values first ascending and last descending (as the ORDER BY does). */
function after(term: { sql: string; textual: boolean; ascending: boolean }, value: unknown, params: unknown[]): string {
  const collate = term.textual ? ' COLLATE NOCASE' : '';
  if (term.ascending) {
    if (value === null) return `${term.sql} IS NOT NULL`;
    params.push(value);
    return `${term.sql}${collate} > ?`;
  }
  if (value === null) return '0';
  params.push(value);
  return `(${term.sql}${collate} < ? OR ${term.sql} IS NULL)`;
}
