import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { explainError, type PlainError } from '../../errors';
import { compareNatural } from '../../../domain/natural-order';
import type { IsoDate, Person, PlanItem } from '../../../domain/plan-item';
import { planViewLinks } from '../../../sharepoint/view-links';
import { onItemDeleted, onItemSaved } from '../../session/item-events';
import { listSiteUsers, type TabSession } from '../../session/tab-session';
import { describeFilter, type FilterLine } from './describe-filter';
import { groupRows, type GridEntry } from './grouping';
import { FIRST_SCREEN_ROWS, readRows, serverOrder } from './plan-rows';
import { parsePlanState, planStateHref, planViewQuery, type PlanViewQuery, type PlanViewState } from './plan-state';
import { SAVED_VIEWS } from './saved-views';

/** Loading state of the rows: the first screen may show while the rest arrives. */
export type RowsState =
  | { state: 'loading' }
  | { state: 'partial'; rows: PlanItem[] }
  | { state: 'ready'; rows: PlanItem[] }
  | { state: 'failed'; message: PlainError };

/** Everything the plan view renders and the changes it can make. */
export type PlanViewModel = {
  state: PlanViewState;
  query: PlanViewQuery;
  rows: RowsState;
  entries: GridEntry[];
  owners: Person[];
  sections: string[];
  /** "Open in SharePoint" address of each saved view, by title. */
  viewLinks: Map<string, string>;
  filterLines: FilterLine[];
  /** True from a change of query until all of its rows are in. */
  busy: boolean;
  setState(next: PlanViewState): void;
};


/**
 * The plan view's state (kept in the URL), its rows and the choices the filter bar offers.
 * A query first asks for one screen of rows (`$top`) and paints it, then reads the rest
 * for grouping and counts; a newer query cancels an older one.
 */
export function usePlanView(session: TabSession, today: IsoDate): PlanViewModel {
  const [state, setStateRaw] = useState<PlanViewState>(() => parsePlanState(window.location.search, SAVED_VIEWS));
  const [rows, setRows] = useState<RowsState>({ state: 'loading' });
  const [owners, setOwners] = useState<Person[]>([]);
  const [sections, setSections] = useState<string[]>([]);
  const [viewLinks, setViewLinks] = useState<Map<string, string>>(new Map());
  const query = useMemo(() => planViewQuery(state, SAVED_VIEWS), [state]);
  const queryKey = JSON.stringify(query);
  const generation = useRef(0);
  const [settledKey, setSettledKey] = useState('');

  const setState = useCallback((next: PlanViewState) => {
    window.history.replaceState(window.history.state, '', planStateHref(next, window.location.href, SAVED_VIEWS));
    setStateRaw(next);
  }, []);

  // Back/forward (and the Summary's "show these in the plan") change the URL: follow it.
  useEffect(() => {
    const onPop = () => setStateRaw(parsePlanState(window.location.search, SAVED_VIEWS));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    const mine = ++generation.current;
    const live = () => generation.current === mine;
    const source = { plans: session.site.plans, currentUserId: session.me.id };
    const orderBy = serverOrder(query.orderBy, query.groupBy);
    // Owner and RAG groups are only right with every row, so a preview would reshuffle.
    const preview = query.groupBy === 'section' || query.groupBy === 'none';
    setRows((current) => (current.state === 'failed' ? { state: 'loading' } : current));
    (async () => {
      if (preview) {
        const first = await readRows(source, query.filter, { today, orderBy, top: FIRST_SCREEN_ROWS });
        if (!live()) return;
        setRows({ state: first.complete ? 'ready' : 'partial', rows: first.rows });
        if (first.complete) {
          setSettledKey(queryKey);
          return;
        }
      }
      const all = await readRows(source, query.filter, { today, orderBy });
      if (!live()) return;
      setRows({ state: 'ready', rows: all.rows });
      setSettledKey(queryKey);
      if (!query.filter.section) {
        setSections((known) => [...new Set([...known, ...all.rows.map((r) => r.section).filter(Boolean)])].sort(compareNatural));
      }
    })().catch((error: unknown) => {
      if (!live()) return;
      setRows({ state: 'failed', message: explainError(error) });
      setSettledKey(queryKey);
    });
    // queryKey stands for query: a new object with the same content must not reload.
  }, [session, today, queryKey]);

  useEffect(() => {
    let live = true;
    listSiteUsers(session).then((users) => { if (live) setOwners(users); }, () => undefined);
    planViewLinks(session.site.sp, session.site.siteUrl).then((links) => { if (live) setViewLinks(links); }, () => undefined);
    return () => { live = false; };
  }, [session]);

  // The update panel saved an item: patch it in place (a new filter run would lose the scroll position).
  useEffect(() => onItemSaved((saved) => {
    setRows((current) => (current.state === 'ready' || current.state === 'partial'
      ? { ...current, rows: current.rows.map((r) => (r.id === saved.id ? saved : r)) }
      : current));
  }), []);

  useEffect(() => onItemDeleted((id) => {
    setRows((current) => (current.state === 'ready' || current.state === 'partial'
      ? { ...current, rows: current.rows.filter((r) => r.id !== id) }
      : current));
  }), []);

  const entries = useMemo(() => {
    if (rows.state !== 'ready' && rows.state !== 'partial') return [];
    return groupRows(rows.rows, rows.state === 'partial' && query.groupBy !== 'section' ? 'none' : query.groupBy);
  }, [rows, query.groupBy]);

  const filterLines = useMemo(() => {
    const nameOf = (id: number) => owners.find((o) => o.id === id)?.title ?? `user ${id}`;
    return describeFilter(state.view, query.filter, nameOf);
  }, [state.view, query.filter, owners]);

  const knownSections = useMemo(
    () => (state.bar.section && !sections.includes(state.bar.section) ? [...sections, state.bar.section] : sections),
    [sections, state.bar.section],
  );

  return { state, query, rows, entries, owners, sections: knownSections, viewLinks, filterLines, busy: settledKey !== queryKey, setState };
}
