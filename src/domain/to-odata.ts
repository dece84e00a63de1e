import { addDays } from './dates';
import { conditionNarrows, filterConditions, type Condition, type ConditionValue } from './filter-conditions';
import type { PlanFilter } from './filter-model';
import type { IsoDate } from './plan-item';

/** What an OData filter needs beyond the filter: the day, and who "me" is. */
export type ODataContext = { today: IsoDate; currentUserId?: number };

/** An OData string literal: `'` is doubled, as SharePoint REST expects (`'O''Brien'`). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const odataDateTime = (utc: string) => `datetime'${utc}'`;

function literal(value: ConditionValue, context: ODataContext): string {
  switch (value.type) {
    case 'text':
      return odataString(value.text);
    case 'userId':
      return String(value.id);
    case 'me':
      if (context.currentUserId === undefined) {
        throw new Error("The filter 'ownerIsMe' needs the current user's site user id (context.currentUserId); look the user up first.");
      }
      return String(context.currentUserId);
    case 'date':
      return odataDateTime(`${value.date}T00:00:00Z`);
    case 'today':
      return odataDateTime(`${addDays(context.today, value.offsetDays)}T00:00:00Z`);
    case 'instant':
      return odataDateTime(value.utc);
  }
}

// A person field is filtered by its id column in OData (`OwnerId eq 7`).
const fieldName = (condition: { field: string; value?: ConditionValue }) =>
  condition.value && (condition.value.type === 'userId' || condition.value.type === 'me') ? `${condition.field}Id` : condition.field;

function render(condition: Condition, context: ODataContext): string {
  switch (condition.op) {
    case 'or':
      return `(${condition.any.map((c) => render(c, context)).join(' or ')})`;
    case 'contains':
      return `substringof(${odataString(condition.text)},${condition.field})`;
    case 'isNull':
      return `${condition.field} eq null`;
    default:
      return `${fieldName(condition)} ${condition.op} ${literal(condition.value, context)}`;
  }
}

/**
 * The Plan Items `$filter` for a filter, '' when it has no conditions. This is the raw
 * filter text with every value escaped as an OData literal; the repository URL-encodes
 * it (PnPjs `.filter()` does). The most selective indexed condition comes first, so
 * SharePoint can narrow through it on lists past the 5,000-item view threshold.
 * Throws when `ownerIsMe` is set without `context.currentUserId`, or a value is invalid.
 */
export function toODataFilter(filter: PlanFilter, context: ODataContext): string {
  return filterConditions(filter).map((c) => render(c, context)).join(' and ');
}

/**
 * Whether the filter has an AND-condition on an indexed field that narrows the rows
 * (`eq`, ranges, an `or` whose branches are all indexed). False for an empty filter, for
 * free text alone, and for filters of only `ne`/`substringof`: past the view threshold
 * SharePoint refuses those, and the repository must choose another way to read.
 */
export function narrowsThroughIndex(filter: PlanFilter): boolean {
  return filterConditions(filter).some(conditionNarrows);
}
