import { isIsoDate } from '../../../domain/dates';
import type { PlanFilter } from '../../../domain/filter-model';
import { RAGS, STATUSES, type IsoDate, type Rag, type Status } from '../../../domain/plan-item';
import type { PlanOrder } from '../../../domain/ports';
import { savedViewToQuery, type SavedViewDefinition } from '../../../domain/saved-views';

/**
 * What the plan view shows, as it lives in the URL (`?page=plan&view=Overdue&rag=Red`),
 * so a link reproduces the view. Pure: parsing, writing and turning it into a query.
 */

/** How rows are grouped. */
export type GroupBy = 'section' | 'owner' | 'rag' | 'none';

/** The "due" choices of the filter bar: due within n days (still open). */
export const DUE_WINDOWS = [7, 30, 90] as const;

/** The filter bar's own choices (on top of the saved view's filter). */
export type PlanBarFilter = {
  ownerId?: number;
  statuses: Status[];
  rags: Rag[];
  section?: string;
  dueWithinDays?: number;
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  overdue: boolean;
  text: string;
};

/** The plan view's whole state. */
export type PlanViewState = {
  /** Title of the saved view (manifest/lists.json); the default view when absent. */
  view: string;
  bar: PlanBarFilter;
  /** The grouping the user chose; absent means the view's own (or by section). */
  group?: GroupBy;
  /** The plan the tab was configured with (a configurable tab's content URL carries it). */
  plan?: string;
  /** The steering group the tab was configured for: only its actions are shown. */
  steeringGroup?: string;
};

/** The query the plan view runs. */
export type PlanViewQuery = { filter: PlanFilter; orderBy: PlanOrder[]; groupBy: GroupBy };

/** The URL parameters the plan view owns (everything else in the URL is left alone). */
export const PLAN_PARAMS = ['view', 'owner', 'status', 'rag', 'section', 'due', 'from', 'to', 'overdue', 'q', 'group', 'plan', 'steeringGroup'] as const;

const GROUPS: readonly GroupBy[] = ['section', 'owner', 'rag', 'none'];

/** An empty filter bar. */
export const emptyBar = (): PlanBarFilter => ({ statuses: [], rags: [], overdue: false, text: '' });

const listOf = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? '').split(',').map((v) => v.trim()).filter((v): v is T => (allowed as readonly string[]).includes(v));

const positiveInt = (value: string | null): number | undefined => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Reads the plan view's state from a query string; unknown or malformed values are ignored. */
export function parsePlanState(search: string, views: readonly SavedViewDefinition[]): PlanViewState {
  const params = new URLSearchParams(search);
  const asked = params.get('view');
  const view = views.find((v) => v.title === asked)?.title ?? defaultView(views);
  const bar = emptyBar();
  bar.ownerId = positiveInt(params.get('owner'));
  bar.statuses = listOf(params.get('status'), STATUSES);
  bar.rags = listOf(params.get('rag'), RAGS);
  const section = params.get('section');
  if (section) bar.section = section;
  const due = positiveInt(params.get('due'));
  if (due !== undefined) bar.dueWithinDays = due;
  const from = params.get('from');
  if (isIsoDate(from)) bar.dueFrom = from;
  const to = params.get('to');
  if (isIsoDate(to)) bar.dueTo = to;
  bar.overdue = params.get('overdue') === '1' || params.get('overdue') === 'true';
  bar.text = params.get('q')?.trim() ?? '';
  const state: PlanViewState = { view, bar };
  const group = params.get('group');
  if (GROUPS.includes(group as GroupBy)) state.group = group as GroupBy;
  const plan = params.get('plan');
  if (plan) state.plan = plan;
  const steeringGroup = params.get('steeringGroup');
  if (steeringGroup) state.steeringGroup = steeringGroup;
  return state;
}

/** Writes the state into a URL, keeping its other parameters (`page`, `as`, `theme`…). */
export function planStateHref(state: PlanViewState, current: string, views: readonly SavedViewDefinition[]): string {
  const url = new URL(current);
  for (const key of PLAN_PARAMS) url.searchParams.delete(key);
  const set = (key: string, value: string | number | undefined | false) => {
    if (value !== undefined && value !== false && value !== '') url.searchParams.set(key, String(value));
  };
  if (state.view !== defaultView(views)) set('view', state.view);
  set('owner', state.bar.ownerId);
  set('status', state.bar.statuses.join(','));
  set('rag', state.bar.rags.join(','));
  set('section', state.bar.section);
  set('due', state.bar.dueWithinDays);
  set('from', state.bar.dueFrom);
  set('to', state.bar.dueTo);
  set('overdue', state.bar.overdue && '1');
  set('q', state.bar.text.trim());
  set('group', state.group);
  set('plan', state.plan);
  set('steeringGroup', state.steeringGroup);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The view the list opens with (`default: true` in the manifest), else the first. */
export function defaultView(views: readonly SavedViewDefinition[]): string {
  return (views.find((v) => v.default) ?? views[0])?.title ?? '';
}

const GROUP_OF_FIELD: Record<string, GroupBy> = { Section: 'section', OwnerText: 'owner', Owner: 'owner', RAG: 'rag' };

/** The grouping a saved view asks for, or by section (the plan's own structure). */
export function viewGrouping(view: SavedViewDefinition | undefined): GroupBy {
  return (view?.groupBy && GROUP_OF_FIELD[view.groupBy]) || 'section';
}

/** The bar's choices as a domain filter (only what is set). */
export function barToFilter(bar: PlanBarFilter): PlanFilter {
  const filter: PlanFilter = {};
  if (bar.ownerId !== undefined) filter.ownerId = bar.ownerId;
  if (bar.statuses.length) filter.statuses = [...bar.statuses];
  if (bar.rags.length) filter.rags = [...bar.rags];
  if (bar.section !== undefined) filter.section = bar.section;
  if (bar.dueWithinDays !== undefined) filter.dueWithinDays = bar.dueWithinDays;
  if (bar.dueFrom !== undefined) filter.dueFrom = bar.dueFrom;
  if (bar.dueTo !== undefined) filter.dueTo = bar.dueTo;
  if (bar.overdue) filter.overdue = true;
  if (bar.text.trim()) filter.text = bar.text.trim();
  return filter;
}

/**
 * The query for a state: the saved view's filter and order (the same definition SharePoint's
 * view has), narrowed by the bar and the configured plan, grouped as asked.
 */
export function planViewQuery(state: PlanViewState, views: readonly SavedViewDefinition[]): PlanViewQuery {
  const view = views.find((v) => v.title === state.view);
  const base = view ? savedViewToQuery(view) : { filter: {}, orderBy: [] as PlanOrder[] };
  const filter: PlanFilter = { ...base.filter, ...barToFilter(state.bar) };
  if (state.plan) filter.plan = state.plan;
  if (state.steeringGroup) filter.steeringGroup = state.steeringGroup;
  return { filter, orderBy: base.orderBy, groupBy: state.group ?? viewGrouping(view) };
}

/** Whether the bar narrows the saved view at all. */
export function barIsEmpty(bar: PlanBarFilter): boolean {
  return Object.keys(barToFilter(bar)).length === 0;
}
