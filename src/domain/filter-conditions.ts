import { isIsoDate, isIsoDateTime, toUtcDateTime } from './dates';
import type { PlanFilter } from './filter-model';
import { RAGS, STATUSES, type IsoDate } from './plan-item';

/**
 * The one translation of a PlanFilter into conditions on Plan Items fields. to-odata.ts
 * and to-caml.ts only render these, so both forms select the same rows, in the same
 * order of conditions, with the same idea of what narrows through an index.
 */

/** How a field's values are written in CAML (`<Value Type="…">`). */
export type FieldKind = 'Text' | 'Note' | 'Choice' | 'DateOnly' | 'DateTime' | 'User';

/** The Plan Items fields a filter touches, with their kind and whether they are indexed (manifest/lists.json). */
export const FILTER_FIELDS = {
  Plan: { kind: 'Text', indexed: true },
  Section: { kind: 'Text', indexed: true },
  ActionRef: { kind: 'Text', indexed: true },
  Title: { kind: 'Text', indexed: false },
  ActionDetails: { kind: 'Note', indexed: false },
  Owner: { kind: 'User', indexed: true },
  OwnerText: { kind: 'Text', indexed: true },
  DueDate: { kind: 'DateOnly', indexed: true },
  Status: { kind: 'Choice', indexed: true },
  RAG: { kind: 'Choice', indexed: true },
  LastUpdated: { kind: 'DateTime', indexed: true },
  SteeringGroup: { kind: 'Text', indexed: true },
} as const satisfies Record<string, { kind: FieldKind; indexed: boolean }>;

export type FilterField = keyof typeof FILTER_FIELDS;

/** A value to compare with: literal text, a user id, "me", a date, "today + n" or an instant. */
export type ConditionValue =
  | { type: 'text'; text: string }
  | { type: 'userId'; id: number }
  | { type: 'me' }
  | { type: 'date'; date: IsoDate }
  | { type: 'today'; offsetDays: number }
  | { type: 'instant'; utc: string };

/** One condition on a field, or an `or` of conditions. */
export type Condition =
  | { op: 'eq' | 'ne' | 'lt' | 'le' | 'ge'; field: FilterField; value: ConditionValue }
  | { op: 'contains'; field: FilterField; text: string }
  | { op: 'isNull'; field: FilterField }
  | { op: 'or'; any: Condition[] };

/**
 * Rough selectivity of each kind of condition, most selective first, so the indexed
 * condition SharePoint narrows on comes first (a person's actions are few; a plan's are
 * many). Non-narrowing conditions (`ne`, `substringof`) always come last.
 */
const RANK = {
  owner: 1,
  ownerText: 2,
  section: 3,
  dueWithin: 4,
  dueRange: 5,
  steeringGroup: 6,
  changedSince: 7,
  rag: 8,
  status: 9,
  overdue: 10,
  staleSince: 11,
  plan: 12,
} as const;

const NOT_NARROWING_RANK = 100;

const text = (t: string): ConditionValue => ({ type: 'text', text: t });
const eq = (field: FilterField, value: ConditionValue): Condition => ({ op: 'eq', field, value });
const anyOf = (field: FilterField, values: readonly string[]): Condition =>
  values.length === 1 ? eq(field, text(values[0])) : { op: 'or', any: values.map((v) => eq(field, text(v))) };
const stillOpen: Condition[] = [
  { op: 'ne', field: 'Status', value: text('Completed') },
  { op: 'ne', field: 'Status', value: text('Cancelled') },
];

/** Whether a condition lets SharePoint pick its rows from an index (see the emulator's narrowing.ts). */
export function conditionNarrows(condition: Condition): boolean {
  switch (condition.op) {
    case 'eq':
    case 'lt':
    case 'le':
    case 'ge':
    case 'isNull':
      return FILTER_FIELDS[condition.field].indexed;
    case 'or':
      // An `or` narrows only when every branch can use an index.
      return condition.any.length > 0 && condition.any.every(conditionNarrows);
    default:
      // `ne` and `contains` must look at every row.
      return false;
  }
}

function fail(key: keyof PlanFilter, message: string): never {
  throw new Error(`Filter '${key}' ${message}`);
}

function checkedDate(key: 'dueFrom' | 'dueTo', value: string): IsoDate {
  if (!isIsoDate(value)) fail(key, `must be a date such as 2024-05-31, not '${value}'.`);
  return value;
}

function checkedInstant(key: 'lastUpdatedBefore' | 'lastUpdatedFrom', value: string): string {
  if (!isIsoDateTime(value)) fail(key, `must be a date and time with a zone such as 2024-05-31T09:00:00Z, not '${value}'.`);
  return toUtcDateTime(value);
}

function checkedChoices<T extends string>(key: 'statuses' | 'rags', values: readonly string[], allowed: readonly T[]): T[] {
  for (const v of values) if (!(allowed as readonly string[]).includes(v)) fail(key, `has '${v}', which is not one of ${allowed.join(', ')}.`);
  return values as T[];
}

/**
 * The AND-conjuncts of a filter, most selective indexed condition first and the
 * non-narrowing ones last. Values are checked (a bad date or id throws an error naming
 * the filter field) but not escaped: escaping belongs to each rendering.
 */
export function filterConditions(filter: PlanFilter): Condition[] {
  const ranked: { rank: number; condition: Condition }[] = [];
  const add = (rank: number, condition: Condition) =>
    ranked.push({ rank: conditionNarrows(condition) ? rank : NOT_NARROWING_RANK, condition });

  if (filter.plan !== undefined) add(RANK.plan, eq('Plan', text(filter.plan)));
  if (filter.ownerId !== undefined) {
    if (!Number.isInteger(filter.ownerId) || filter.ownerId <= 0) fail('ownerId', `must be a site user id (a whole number above 0), not '${filter.ownerId}'.`);
    add(RANK.owner, eq('Owner', { type: 'userId', id: filter.ownerId }));
  }
  if (filter.ownerIsMe) add(RANK.owner, eq('Owner', { type: 'me' }));
  if (filter.ownerText !== undefined) add(RANK.ownerText, eq('OwnerText', text(filter.ownerText)));
  if (filter.statuses?.length) add(RANK.status, anyOf('Status', checkedChoices('statuses', filter.statuses, STATUSES)));
  if (filter.rags?.length) add(RANK.rag, anyOf('RAG', checkedChoices('rags', filter.rags, RAGS)));
  if (filter.section !== undefined) add(RANK.section, eq('Section', text(filter.section)));
  if (filter.steeringGroup !== undefined) add(RANK.steeringGroup, eq('SteeringGroup', text(filter.steeringGroup)));
  if (filter.dueFrom !== undefined) add(RANK.dueRange, { op: 'ge', field: 'DueDate', value: { type: 'date', date: checkedDate('dueFrom', filter.dueFrom) } });
  if (filter.dueTo !== undefined) add(RANK.dueRange, { op: 'le', field: 'DueDate', value: { type: 'date', date: checkedDate('dueTo', filter.dueTo) } });

  let needsOpen = false;
  if (filter.dueWithinDays !== undefined) {
    if (!Number.isInteger(filter.dueWithinDays) || filter.dueWithinDays < 0) fail('dueWithinDays', `must be a whole number of days, 0 or more, not '${filter.dueWithinDays}'.`);
    add(RANK.dueWithin, { op: 'ge', field: 'DueDate', value: { type: 'today', offsetDays: 0 } });
    add(RANK.dueWithin, { op: 'le', field: 'DueDate', value: { type: 'today', offsetDays: filter.dueWithinDays } });
    needsOpen = true;
  }
  if (filter.overdue) {
    add(RANK.overdue, { op: 'lt', field: 'DueDate', value: { type: 'today', offsetDays: 0 } });
    needsOpen = true;
  }
  if (filter.completed) add(RANK.status, eq('Status', text('Completed')));
  if (filter.lastUpdatedFrom !== undefined) {
    add(RANK.changedSince, { op: 'ge', field: 'LastUpdated', value: { type: 'instant', utc: checkedInstant('lastUpdatedFrom', filter.lastUpdatedFrom) } });
  }
  if (filter.lastUpdatedBefore !== undefined) {
    const before: Condition = { op: 'lt', field: 'LastUpdated', value: { type: 'instant', utc: checkedInstant('lastUpdatedBefore', filter.lastUpdatedBefore) } };
    // Never updated counts as "not updated since": stale candidates include them.
    add(RANK.staleSince, { op: 'or', any: [before, { op: 'isNull', field: 'LastUpdated' }] });
  }
  // Overdue and due-within both mean "still open"; say it once.
  if (needsOpen) for (const c of stillOpen) add(NOT_NARROWING_RANK, c);
  if (filter.text) {
    const fields: FilterField[] = ['Title', 'ActionDetails', 'ActionRef', 'OwnerText'];
    add(NOT_NARROWING_RANK, { op: 'or', any: fields.map((field) => ({ op: 'contains', field, text: filter.text! })) });
  }
  // Array.prototype.sort is stable, so equal ranks keep the order written above.
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.condition);
}
