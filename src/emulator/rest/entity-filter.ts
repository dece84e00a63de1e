import { normalizeDateTime, type FilterExpr, type Literal } from '../query';

/**
 * Evaluates a parsed `$filter` against a plain entity (a list, field, view or user) for
 * the small collections that are not kept in item tables: `lists.filter("Hidden eq false")`.
 * Strings compare case-insensitively, as SharePoint does.
 */
export function matchesEntity(expr: FilterExpr, props: Record<string, unknown>, currentUserId: number): boolean {
  switch (expr.kind) {
    case 'and':
      return matchesEntity(expr.left, props, currentUserId) && matchesEntity(expr.right, props, currentUserId);
    case 'or':
      return matchesEntity(expr.left, props, currentUserId) || matchesEntity(expr.right, props, currentUserId);
    case 'not':
      return !matchesEntity(expr.expr, props, currentUserId);
    case 'isnull':
      return valueOf(props, expr.field.name) === null;
    case 'isnotnull':
      return valueOf(props, expr.field.name) !== null;
    case 'startswith':
    case 'contains': {
      const value = valueOf(props, expr.field.name);
      if (typeof value !== 'string') return false;
      const text = value.toLowerCase();
      const wanted = expr.value.toLowerCase();
      return expr.kind === 'startswith' ? text.startsWith(wanted) : text.includes(wanted);
    }
    case 'in':
      return expr.values.some((literal) => compare('eq', valueOf(props, expr.field.name), literal, currentUserId));
    case 'compare':
      return compare(expr.op, valueOf(props, expr.field.name), expr.value, currentUserId);
  }
}

function valueOf(props: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(props).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? null : props[key];
  return value === undefined ? null : value;
}

function literalValue(literal: Literal, currentUserId: number): unknown {
  switch (literal.type) {
    case 'null':
      return null;
    case 'me':
      return currentUserId;
    case 'today':
      return null;
    default:
      return literal.value;
  }
}

function compare(op: string, actual: unknown, literal: Literal, currentUserId: number): boolean {
  let wanted = literalValue(literal, currentUserId);
  let value = actual;
  if (typeof value === 'string' && typeof wanted === 'string') {
    const asDates = [normalizeDateTime(value), normalizeDateTime(wanted)];
    if (asDates[0] && asDates[1] && literal.type === 'datetime') [value, wanted] = asDates;
    else [value, wanted] = [value.toLowerCase(), wanted.toLowerCase()];
  }
  if (typeof value === 'boolean' && typeof wanted === 'number') wanted = wanted !== 0;
  if (value === null || wanted === null) return op === 'eq' ? value === wanted : op === 'ne' ? value !== wanted : false;
  switch (op) {
    case 'eq':
      return value === wanted;
    case 'ne':
      return value !== wanted;
    case 'lt':
      return (value as number) < (wanted as number);
    case 'le':
      return (value as number) <= (wanted as number);
    case 'gt':
      return (value as number) > (wanted as number);
    case 'ge':
      return (value as number) >= (wanted as number);
    default:
      return false;
  }
}
