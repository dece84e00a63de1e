import { useCallback, useEffect, useState } from 'react';
import type { PlanRecord } from '../../domain/plan-record';
import { SharePointPlans } from '../../sharepoint/plans-repository';
import type { TabSession } from '../session/tab-session';
import { hrefWithPlan, planFromUrl } from './plan-url';

/** The Plans list as the shell knows it. */
export type PlansState = { state: 'loading' } | { state: 'ready'; plans: PlanRecord[] } | { state: 'failed' };

/** Reads the Plans list once per session (plans are few: one request). */
export function usePlans(session: TabSession): PlansState {
  const [state, setState] = useState<PlansState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    new SharePointPlans(session.site.sp).list().then(
      (plans) => { if (live) setState({ state: 'ready', plans }); },
      // A site provisioned before the Plans list still works: every page falls back to all plans.
      () => { if (live) setState({ state: 'failed' }); },
    );
    return () => { live = false; };
  }, [session]);
  return state;
}

/** The plan chosen in the URL, and a way to choose another (kept in history, so Back works). */
export function usePlanChoice(): [string | null, (plan: string | null) => void] {
  const [plan, setPlan] = useState(() => planFromUrl(window.location.search));
  useEffect(() => {
    const onPop = () => setPlan(planFromUrl(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const choose = useCallback((next: string | null) => {
    window.history.pushState(null, '', hrefWithPlan(next, window.location.href));
    setPlan(next);
  }, []);
  return [plan, choose];
}
