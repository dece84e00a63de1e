import { filterConditions, FILTER_FIELDS, type Condition, type ConditionValue, type FilterField } from './filter-conditions';
import type { PlanFilter } from './filter-model';

/** A sort key in a CAML `<OrderBy>` (an internal field name). */
export type CamlOrder = { field: string; ascending: boolean };

/** Escapes text for XML content and attribute values (& < > ' "). */
export function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}

const CAML_OP = { eq: 'Eq', ne: 'Neq', lt: 'Lt', le: 'Leq', ge: 'Geq' } as const;

const VALUE_TYPE: Record<(typeof FILTER_FIELDS)[FilterField]['kind'], string> = {
  Text: 'Text',
  Note: 'Note',
  Choice: 'Choice',
  DateOnly: 'DateTime',
  DateTime: 'DateTime',
  User: 'Integer',
};

function fieldRef(field: FilterField, value?: ConditionValue): string {
  // A person compared by id needs LookupId, or SharePoint compares the display name.
  const byId = value !== undefined && (value.type === 'userId' || value.type === 'me');
  return `<FieldRef Name="${field}"${byId ? ' LookupId="TRUE"' : ''}/>`;
}

function valueXml(field: FilterField, value: ConditionValue): string {
  const type = VALUE_TYPE[FILTER_FIELDS[field].kind];
  switch (value.type) {
    case 'text':
      return `<Value Type="${type}">${xmlEscape(value.text)}</Value>`;
    case 'userId':
      return `<Value Type="Integer">${value.id}</Value>`;
    case 'me':
      return '<Value Type="Integer"><UserID Type="Integer"/></Value>';
    case 'date':
      return `<Value Type="DateTime">${value.date}T00:00:00Z</Value>`;
    case 'today':
      return `<Value Type="DateTime">${value.offsetDays === 0 ? '<Today/>' : `<Today OffsetDays="${value.offsetDays}"/>`}</Value>`;
    case 'instant':
      // Without IncludeTimeValue SharePoint compares only the date part of a date-time.
      return `<Value Type="DateTime" IncludeTimeValue="TRUE">${value.utc}</Value>`;
  }
}

/** CAML `<And>`/`<Or>` take exactly two children: fold longer lists to the right. */
function nest(tag: 'And' | 'Or', parts: string[]): string {
  if (parts.length === 1) return parts[0];
  return `<${tag}>${parts[0]}${nest(tag, parts.slice(1))}</${tag}>`;
}

function render(condition: Condition): string {
  switch (condition.op) {
    case 'or':
      return nest('Or', condition.any.map(render));
    case 'contains':
      return `<Contains>${fieldRef(condition.field)}<Value Type="${VALUE_TYPE[FILTER_FIELDS[condition.field].kind]}">${xmlEscape(condition.text)}</Value></Contains>`;
    case 'isNull':
      return `<IsNull>${fieldRef(condition.field)}</IsNull>`;
    default: {
      const tag = CAML_OP[condition.op];
      return `<${tag}>${fieldRef(condition.field, condition.value)}${valueXml(condition.field, condition.value)}</${tag}>`;
    }
  }
}

/**
 * The content of a CAML `<Where>` for a filter ('' when it has no conditions): the same
 * conditions, in the same order, as `toODataFilter`, with values XML-escaped. Relative
 * dates use `<Today OffsetDays="n"/>` and "me" `<UserID/>`, so a saved view stays right
 * on every later day and for every user.
 */
export function toCamlWhere(filter: PlanFilter): string {
  const parts = filterConditions(filter).map(render);
  return parts.length === 0 ? '' : nest('And', parts);
}

const INTERNAL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A complete `<View>` for a filter, sort order and optional paged row limit. */
export function toViewXml(filter: PlanFilter, orderBy: CamlOrder[], rowLimit?: number): string {
  const where = toCamlWhere(filter);
  for (const order of orderBy) {
    if (!INTERNAL_NAME.test(order.field)) throw new Error(`Cannot sort on '${order.field}': use a field's internal name, such as DueDate.`);
  }
  if (rowLimit !== undefined && (!Number.isInteger(rowLimit) || rowLimit <= 0)) {
    throw new Error(`A view's row limit must be a whole number above 0, not '${rowLimit}'.`);
  }
  const order = orderBy.length
    ? `<OrderBy>${orderBy.map((o) => `<FieldRef Name="${o.field}" Ascending="${o.ascending ? 'TRUE' : 'FALSE'}"/>`).join('')}</OrderBy>`
    : '';
  const query = `<Query>${where ? `<Where>${where}</Where>` : ''}${order}</Query>`;
  const limit = rowLimit === undefined ? '' : `<RowLimit Paged="TRUE">${rowLimit}</RowLimit>`;
  return `<View>${query}${limit}</View>`;
}
