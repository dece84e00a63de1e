import type { FieldRef, FilterExpr } from './ast';

/**
 * The part of a filter that narrows the list through indexed fields, or null when the
 * filter cannot use an index.
 *
 * Why: SharePoint refuses a query on a list above the list view threshold (5,000 items)
 * unless an indexed column narrows it below the threshold first ("Manage large lists and
 * libraries", support.microsoft.com/office/b8588dae-9387-48c2-9248-c24122f07c59: filter
 * the view on an indexed column so the first filter returns fewer items than the
 * threshold; the SharePoint 2010 "Manage lists and libraries with many items" guidance
 * adds that OR-ing columns defeats the index unless every branch is indexed). The server
 * counts the rows matching the returned sub-expression and answers 500/"The attempted
 * operation is prohibited because it exceeds the list view threshold" when it is above.
 *
 * The rule, per node:
 * - `compare` with eq, lt, le, gt or ge on an indexed field narrows (an index seek or
 *   range scan). `eq null` narrows like IsNull.
 * - `startswith` (a prefix range), `in` (several seeks) and `isnull` (an equality seek on
 *   the empty key) on an indexed field narrow.
 * - `isnotnull`, and `ne null` which means the same, narrow: both are a range scan of
 *   the non-empty keys. Whether the count stays under the threshold is then decided by
 *   the data, which is exactly what SharePoint does.
 * - `ne` with a value, `contains` and `not` never narrow: they need every row.
 * - `and` narrows when either side does (the index picks the candidates, the rest is
 *   checked on them); both narrowing sides are kept, joined by `and`, as the tighter set.
 * - `or` narrows only when both sides do; otherwise a full scan is needed.
 */
export function indexedNarrowing(expr: FilterExpr, isIndexed: (ref: FieldRef) => boolean): FilterExpr | null {
  switch (expr.kind) {
    case 'and': {
      const left = indexedNarrowing(expr.left, isIndexed);
      const right = indexedNarrowing(expr.right, isIndexed);
      if (left && right) return { kind: 'and', left, right };
      return left ?? right;
    }
    case 'or': {
      const left = indexedNarrowing(expr.left, isIndexed);
      const right = indexedNarrowing(expr.right, isIndexed);
      return left && right ? { kind: 'or', left, right } : null;
    }
    case 'not':
    case 'contains':
      return null;
    case 'compare':
      if (expr.op === 'ne' && expr.value.type !== 'null') return null;
      return isIndexed(expr.field) ? expr : null;
    case 'startswith':
    case 'in':
    case 'isnull':
    case 'isnotnull':
      return isIndexed(expr.field) ? expr : null;
  }
}
