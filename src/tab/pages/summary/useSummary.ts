import { useCallback, useEffect, useState } from 'react';
import { explainError, type PlainError } from '../../errors';
import type { IsoDate } from '../../../domain/plan-item';
import type { TabSession } from '../../session/tab-session';
import { readRows } from '../plan/plan-rows';
import { defaultView, parsePlanState, planStateHref, type PlanBarFilter } from '../plan/plan-state';
import { SAVED_VIEWS } from '../plan/saved-views';
import { summarise, type PlanSummary } from './summary-counts';

/** The Summary's data. */
export type SummaryState = { state: 'loading' } | { state: 'ready'; summary: PlanSummary } | { state: 'failed'; message: PlainError };

/**
 * Counts for the whole plan (the configured plan and steering group, when the tab has them), read once in ID
 * order, and a way to open the plan view filtered to a bar's actions.
 */
export function useSummary(session: TabSession, today: IsoDate) {
  const [state, setState] = useState<SummaryState>({ state: 'loading' });
  const [scope] = useState(() => {
    const { plan, steeringGroup } = parsePlanState(window.location.search, SAVED_VIEWS);
    return { plan, steeringGroup };
  });

  useEffect(() => {
    let live = true;
    const filter = { ...(scope.plan ? { plan: scope.plan } : {}), ...(scope.steeringGroup ? { steeringGroup: scope.steeringGroup } : {}) };
    readRows({ plans: session.site.plans, currentUserId: session.me.id }, filter, { today, orderBy: [{ field: 'ID', ascending: true }] }).then(
      (result) => { if (live) setState({ state: 'ready', summary: summarise(result.rows, today) }); },
      (error: unknown) => { if (live) setState({ state: 'failed', message: explainError(error) }); },
    );
    return () => { live = false; };
  }, [session, today, scope]);

  /** Opens the plan view with the bar's filter (the shell follows the URL through popstate). */
  const showInPlan = useCallback((bar: PlanBarFilter) => {
    const href = planStateHref({ view: defaultView(SAVED_VIEWS), bar, ...scope }, window.location.href, SAVED_VIEWS);
    const url = new URL(href, window.location.href);
    url.searchParams.set('page', 'plan');
    url.searchParams.delete('item');
    window.history.pushState(null, '', `${url.pathname}${url.search}${url.hash}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, [scope]);

  return { state, showInPlan };
}
