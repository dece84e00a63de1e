import { addDays } from './dates';
import type { PlanFilter } from './filter-model';
import { STATUSES, type IsoDate, type Status } from './plan-item';

/**
 * A filter as SharePoint list view pages read it from their URL: `FilterField1=RAG&
 * FilterValue1=Red` for one value, `FilterFields1=RAG&FilterValues1=Red;#Amber` for
 * several, `FilterOp1=Geq`/`Leq`/`Lt` for ranges and `FilterLookupId1=1` for a person by
 * id. Conditions are numbered from 1 and SharePoint ANDs them. Pure: the tab's
 * "Open in SharePoint" link and tests use it.
 */

/** One URL filter condition. */
export type UrlFilterCondition = { field: string; values: string[]; op?: 'Eq' | 'Geq' | 'Leq' | 'Lt'; type?: 'DateTime'; lookupId?: boolean };

/** What a plan filter becomes in a view URL, and what a view URL cannot say (shown to the user). */
export type ViewUrlFilters = { conditions: UrlFilterCondition[]; notCarried: string[] };

const OPEN: readonly Status[] = STATUSES.filter((s) => s !== 'Completed' && s !== 'Cancelled');

/**
 * The URL conditions for the filter bar's part of a plan filter, with `today` fixing
 * "overdue" and "due within n days" to dates (a URL has no [Today]). Free text has no
 * URL form in SharePoint, so it is named in `notCarried`.
 */
export function planFilterToUrlFilters(filter: PlanFilter, today: IsoDate): ViewUrlFilters {
  const conditions: UrlFilterCondition[] = [];
  const notCarried: string[] = [];
  const equals = (field: string, value: string | undefined) => { if (value) conditions.push({ field, values: [value] }); };
  equals('Plan', filter.plan);
  equals('SteeringGroup', filter.steeringGroup);
  equals('Section', filter.section);
  equals('OwnerText', filter.ownerText);
  if (filter.ownerId !== undefined) conditions.push({ field: 'Owner', values: [String(filter.ownerId)], lookupId: true });
  let statuses: readonly Status[] | undefined = filter.statuses?.length ? filter.statuses : undefined;
  // Overdue and "due within" mean still open: narrow the statuses to the open ones.
  if (filter.overdue || filter.dueWithinDays !== undefined) statuses = (statuses ?? OPEN).filter((s) => OPEN.includes(s));
  if (filter.completed) statuses = (statuses ?? ['Completed']).filter((s) => s === 'Completed');
  if (statuses) conditions.push({ field: 'Status', values: statuses.length ? [...statuses] : ['(none)'] });
  if (filter.rags?.length) conditions.push({ field: 'RAG', values: [...filter.rags] });
  const date = (op: 'Geq' | 'Leq' | 'Lt', value: IsoDate) => conditions.push({ field: 'DueDate', values: [value], op, type: 'DateTime' });
  if (filter.dueFrom) date('Geq', filter.dueFrom);
  if (filter.dueTo) date('Leq', filter.dueTo);
  if (filter.dueWithinDays !== undefined) {
    date('Geq', today);
    date('Leq', addDays(today, filter.dueWithinDays));
  }
  if (filter.overdue) date('Lt', today);
  if (filter.text?.trim()) notCarried.push(`the search for "${filter.text.trim()}"`);
  if (filter.ownerIsMe) notCarried.push('"my actions"');
  if (filter.lastUpdatedBefore || filter.lastUpdatedFrom) notCarried.push('the last-updated range');
  return { conditions, notCarried };
}

/** The URL parameters of the conditions, numbered from 1 as SharePoint reads them. */
export function urlFilterParams(conditions: readonly UrlFilterCondition[]): [string, string][] {
  return conditions.flatMap((c, i): [string, string][] => {
    const n = i + 1;
    const params: [string, string][] = c.values.length === 1
      ? [[`FilterField${n}`, c.field], [`FilterValue${n}`, c.values[0]]]
      : [[`FilterFields${n}`, c.field], [`FilterValues${n}`, c.values.join(';#')]];
    if (c.op && c.op !== 'Eq') params.push([`FilterOp${n}`, c.op]);
    if (c.type) params.push([`FilterType${n}`, c.type]);
    if (c.lookupId) params.push([`FilterLookupId${n}`, '1']);
    return params;
  });
}

/** Reads URL filter conditions back (the emulator's view page does); unnumbered `FilterField` counts as 1. */
export function parseUrlFilterParams(params: URLSearchParams): UrlFilterCondition[] {
  const get = (name: string, n: number) => params.get(`${name}${n}`) ?? (n === 1 ? params.get(name) : null);
  const conditions: UrlFilterCondition[] = [];
  for (let n = 1; n <= 10; n++) {
    const single = get('FilterField', n);
    const multi = get('FilterFields', n);
    const field = single ?? multi;
    if (!field) continue;
    const values = single ? [get('FilterValue', n) ?? ''] : (get('FilterValues', n) ?? '').split(';#');
    const op = get('FilterOp', n);
    const condition: UrlFilterCondition = { field, values };
    if (op === 'Geq' || op === 'Leq' || op === 'Lt' || op === 'Eq') condition.op = op;
    if (get('FilterType', n) === 'DateTime') condition.type = 'DateTime';
    if (get('FilterLookupId', n) === '1') condition.lookupId = true;
    conditions.push(condition);
  }
  return conditions;
}
