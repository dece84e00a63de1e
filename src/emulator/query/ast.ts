/**
 * The one filter AST both query languages parse into: OData `$filter` (REST) and
 * CAML `<Where>` (views, `getitems`). Storage compiles it to SQL.
 */

/** A field reference: `Status`, `OwnerId`, or a projected person field `Owner/EMail`. */
export type FieldRef = { name: string; sub?: string };

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  /** A date or date-time, normalised to ISO 8601 (`2024-05-31T00:00:00Z`). */
  | { type: 'datetime'; value: string }
  | { type: 'null' }
  /** CAML `<UserID/>` / view `[Me]`: the current user's id. */
  | { type: 'me' }
  /** CAML `<Today OffsetDays="n"/>`: today plus n days, as a date. */
  | { type: 'today'; offsetDays: number };

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'compare'; op: CompareOp; field: FieldRef; value: Literal }
  | { kind: 'startswith' | 'contains'; field: FieldRef; value: string }
  | { kind: 'isnull' | 'isnotnull'; field: FieldRef }
  | { kind: 'in'; field: FieldRef; values: Literal[] };

export type OrderBy = { field: FieldRef; ascending: boolean };

/** A parsed CAML `<View>` or `<Query>`. */
export type CamlQuery = {
  where: FilterExpr | null;
  orderBy: OrderBy[];
  rowLimit: number | null;
  viewFields: string[];
};

/** A query text that could not be parsed; `position` is a 0-based character offset. */
export class QuerySyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}
