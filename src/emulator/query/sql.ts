import type { FieldRef, FilterExpr, Literal, OrderBy } from './ast';
import { normalizeDateTime, todayPlus } from './dates';

/** A list field as the SQL compiler needs it. */
export type FieldInfo = {
  internalName: string;
  kind: 'text' | 'note' | 'number' | 'boolean' | 'datetime' | 'choice' | 'user' | 'counter';
  indexed: boolean;
};

/**
 * What the storage layer tells the compiler. `resolve` throws for an unknown field and
 * returns an SQL expression for the field's column (or, for `Owner/EMail`, a subquery).
 */
export type SqlContext = {
  resolve(ref: FieldRef): { sql: string; field: FieldInfo };
  currentUserId: number;
  /** yyyy-mm-dd */
  today: string;
};

/** A WHERE expression (without the keyword) and its bound parameters, in order. */
export type SqlFragment = { sql: string; params: unknown[] };

/**
 * A filter that parses but cannot be applied to the list: a literal of the wrong type for
 * the field, an unreadable date, an operator the field kind does not support. The server
 * answers it with 400, like SharePoint does.
 */
export class QueryTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryTypeError';
  }
}

type Resolved = { sql: string; field: FieldInfo; label: string };
type StoredValue = string | number | null;

/**
 * Compiles a filter to a parameterised SQLite WHERE expression with SharePoint semantics:
 *
 * - Text, note and choice compare case-insensitively (SharePoint's SQL collation is
 *   case-insensitive); SQLite's NOCASE folds ASCII letters only. An empty string and NULL
 *   are the same "empty" value: `eq null`, `eq ''` and IsNull match both.
 * - `ne` / Neq *includes* empty values: `Status ne 'Completed'` returns items without a
 *   status. A SharePoint view filtered on "is not equal to" shows blank rows too, so
 *   NULL is treated as "not equal to anything", never as "unknown". `ne null` means
 *   "has a value".
 * - lt/le/gt/ge never match empty values, and are refused against `null`.
 * - `startswith` / `substringof` (BeginsWith / Contains) are case-insensitive LIKE
 *   matches with `%`, `_` and `\` escaped; they apply to text kinds only.
 * - Booleans accept true/false/1/0 (also as strings); dates are normalised to
 *   `YYYY-MM-DDTHH:MM:SSZ` and compared as strings, as they are stored.
 * - `me` is the current user's id; `today` is `ctx.today` plus the offset, at midnight UTC.
 * - Every value is a bound parameter; nothing from the query text reaches the SQL.
 *
 * Throws `QueryTypeError` when a literal does not fit the field's kind.
 */
export function compileFilterToSql(expr: FilterExpr, ctx: SqlContext): SqlFragment {
  const params: unknown[] = [];
  const sql = compileNode(expr, ctx, params);
  return { sql, params };
}

/**
 * Compiles `$orderby` / `<OrderBy>` to SQLite ORDER BY terms (without the keyword; empty
 * when there is nothing to sort by). Empty values sort first ascending and last
 * descending, as SharePoint sorts them; text sorts case-insensitively.
 */
export function compileOrderByToSql(orderBy: OrderBy[], ctx: SqlContext): { sql: string } {
  const terms = orderBy.map(({ field, ascending }) => {
    const target = resolve(field, ctx);
    const collate = isTextual(target.field) ? ' COLLATE NOCASE' : '';
    return `${target.sql}${collate} ${ascending ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'}`;
  });
  return { sql: terms.join(', ') };
}

function compileNode(expr: FilterExpr, ctx: SqlContext, params: unknown[]): string {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const left = compileNode(expr.left, ctx, params);
      const right = compileNode(expr.right, ctx, params);
      return `(${left} ${expr.kind === 'and' ? 'AND' : 'OR'} ${right})`;
    }
    case 'not':
      // SQL's NOT NULL is NULL; COALESCE makes `not` the complement SharePoint users expect.
      return `(NOT COALESCE(${compileNode(expr.expr, ctx, params)}, 0))`;
    case 'compare':
      return compileCompare(expr.op, resolve(expr.field, ctx), expr.value, ctx, params);
    case 'startswith':
    case 'contains': {
      const target = resolve(expr.field, ctx);
      if (!isTextual(target.field)) {
        const name = expr.kind === 'startswith' ? 'startswith/BeginsWith' : 'substringof/Contains';
        throw new QueryTypeError(`${name} applies to text fields only; '${target.label}' is a ${target.field.kind} field`);
      }
      const escaped = expr.value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      params.push(expr.kind === 'startswith' ? `${escaped}%` : `%${escaped}%`);
      return `(${target.sql} LIKE ? ESCAPE '\\')`;
    }
    case 'isnull':
      return emptyTest(resolve(expr.field, ctx), true);
    case 'isnotnull':
      return emptyTest(resolve(expr.field, ctx), false);
    case 'in': {
      const target = resolve(expr.field, ctx);
      const values = expr.values.map((value) => toStored(target, value, ctx));
      const present = values.filter((value): value is string | number => value !== null && value !== '');
      const parts: string[] = [];
      if (present.length > 0) {
        params.push(...present);
        const collate = isTextual(target.field) ? ' COLLATE NOCASE' : '';
        parts.push(`${target.sql}${collate} IN (${present.map(() => '?').join(', ')})`);
      }
      if (present.length < values.length) parts.push(emptyTest(target, true));
      return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
    }
  }
}

function compileCompare(op: string, target: Resolved, literal: Literal, ctx: SqlContext, params: unknown[]): string {
  const value = toStored(target, literal, ctx);
  const textual = isTextual(target.field);
  const empty = value === null || (textual && value === '');
  if (empty) {
    if (op === 'eq') return emptyTest(target, true);
    if (op === 'ne') return emptyTest(target, false);
    throw new QueryTypeError(`'${op}' cannot compare '${target.label}' with an empty value; use eq null or ne null`);
  }
  const column = textual ? `${target.sql} COLLATE NOCASE` : target.sql;
  params.push(value);
  switch (op) {
    case 'eq':
      return `(${column} = ?)`;
    case 'ne':
      // Empty values are "not equal" to any value (see compileFilterToSql).
      return `(${emptyTest(target, true)} OR ${column} <> ?)`;
    default: {
      const sqlOp = { lt: '<', le: '<=', gt: '>', ge: '>=' }[op];
      if (!sqlOp) throw new QueryTypeError(`Unknown comparison operator '${op}'`);
      // An empty string would otherwise sort before every text value and match `lt`.
      return textual ? `(${target.sql} <> '' AND ${column} ${sqlOp} ?)` : `(${column} ${sqlOp} ?)`;
    }
  }
}

/** IS NULL (or IS NOT NULL), counting the empty string as empty for text kinds. */
function emptyTest(target: Resolved, isEmpty: boolean): string {
  if (isTextual(target.field)) {
    return isEmpty ? `(${target.sql} IS NULL OR ${target.sql} = '')` : `(${target.sql} IS NOT NULL AND ${target.sql} <> '')`;
  }
  return `(${target.sql} IS ${isEmpty ? '' : 'NOT '}NULL)`;
}

/** Converts a literal to the value stored for the field's kind, or throws `QueryTypeError`. */
function toStored(target: Resolved, literal: Literal, ctx: SqlContext): StoredValue {
  if (literal.type === 'null') return null;
  const { kind } = target.field;
  const mismatch = (expected: string): QueryTypeError =>
    new QueryTypeError(`Cannot compare '${target.label}' (${kind}) with ${describeLiteral(literal)}: expected ${expected}`);
  switch (kind) {
    case 'text':
    case 'note':
    case 'choice':
      if (literal.type === 'string') return literal.value;
      throw mismatch("a quoted string such as 'Completed'");
    case 'number':
    case 'counter': {
      if (literal.type === 'number') return literal.value;
      if (literal.type === 'string' && literal.value.trim() !== '' && Number.isFinite(Number(literal.value))) return Number(literal.value);
      if (literal.type === 'me') return ctx.currentUserId;
      throw mismatch('a number');
    }
    case 'boolean': {
      if (literal.type === 'boolean') return literal.value ? 1 : 0;
      if (literal.type === 'number' && (literal.value === 0 || literal.value === 1)) return literal.value;
      if (literal.type === 'string') {
        const word = literal.value.trim().toLowerCase();
        if (word === 'true' || word === '1') return 1;
        if (word === 'false' || word === '0') return 0;
      }
      throw mismatch('true, false, 1 or 0');
    }
    case 'datetime': {
      if (literal.type === 'datetime') return literal.value;
      if (literal.type === 'today') return todayPlus(ctx.today, literal.offsetDays);
      if (literal.type === 'string') {
        const normalised = normalizeDateTime(literal.value);
        if (normalised !== null) return normalised;
      }
      throw mismatch(`a date such as '2024-05-31' or datetime'2024-05-31T00:00:00Z'`);
    }
    case 'user': {
      if (literal.type === 'me') return ctx.currentUserId;
      if (literal.type === 'number' && Number.isInteger(literal.value)) return literal.value;
      if (literal.type === 'string' && /^\s*\d+\s*$/.test(literal.value)) return Number(literal.value);
      throw mismatch(`a user id (compare ${target.label.split('/')[0]}/Title or ${target.label.split('/')[0]}/EMail to match a name or an e-mail)`);
    }
  }
}

function describeLiteral(literal: Literal): string {
  switch (literal.type) {
    case 'string':
      return `'${literal.value}'`;
    case 'number':
      return `the number ${literal.value}`;
    case 'boolean':
      return `the boolean ${literal.value}`;
    case 'datetime':
      return `the date ${literal.value}`;
    case 'null':
      return 'null';
    case 'me':
      return 'the current user';
    case 'today':
      return 'today';
  }
}

function resolve(ref: FieldRef, ctx: SqlContext): Resolved {
  const { sql, field } = ctx.resolve(ref);
  // A subquery (Owner/EMail) must be parenthesised before COLLATE or IS NULL is appended.
  const safe = /^[\w."[\]`]+$/.test(sql) ? sql : `(${sql})`;
  return { sql: safe, field, label: ref.sub ? `${ref.name}/${ref.sub}` : ref.name };
}

function isTextual(field: FieldInfo): boolean {
  return field.kind === 'text' || field.kind === 'note' || field.kind === 'choice';
}
