import { useEffect, useMemo, useRef, useState } from 'react';
import { findPlan } from '../../domain/plan-choice';
import { plansForPicker, type PlanRecord } from '../../domain/plan-record';
import { countPlanActions } from '../../sharepoint/plan-action-count';
import { SharePointPlans } from '../../sharepoint/plans-repository';
import { reachableSites, sameConnectionTo, type ReachableSite } from '../../sharepoint/site-search';
import { configHost, type ConfigHost } from '../host/config-host';
import type { TabSession } from '../session/tab-session';
import { tabInstanceFor, type ConfigChoice } from './tab-instance';

/** Where the tab's pages are served from, e.g. `https://host/tab/`. */
const tabBase = () => new URL('./', window.location.href).href;

/** Something read from SharePoint for the page: loading, there, or why not. */
export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The sites to offer: those search found, with the tab's own site always among them. */
function withOwnSite(found: ReachableSite[], own: string): ReachableSite[] {
  if (found.some((s) => s.url.toLowerCase() === own.toLowerCase())) return found;
  return [{ title: own, url: own }, ...found];
}

/**
 * The config page's state: the sites the user can reach (SharePoint search), the plans of
 * the chosen site (its Plans list), the chosen plan's size, and the Teams side (validity
 * follows the choice; Save builds the content URL from the latest choice).
 */
export function useConfigPage(session: TabSession) {
  const ownSite = session.site.siteUrl;
  const [sites, setSites] = useState<Loaded<ReachableSite[]>>({ state: 'loading' });
  const [choice, setChoice] = useState<ConfigChoice>({ siteUrl: ownSite, plan: '' });
  const [plans, setPlans] = useState<Loaded<PlanRecord[]>>({ state: 'loading' });
  const [actionCount, setActionCount] = useState<Loaded<number> | null>(null);
  const [host, setHost] = useState<ConfigHost | null>(null);
  const latest = useRef(choice);
  latest.current = choice;

  const siteSp = useMemo(() => (choice.siteUrl === ownSite ? session.site.sp : sameConnectionTo(session.site.sp, choice.siteUrl)), [session, ownSite, choice.siteUrl]);
  const planRecord = plans.state === 'ready' && choice.plan ? findPlan(plans.value, choice.plan) : null;
  const valid = planRecord !== null;
  const instance = useMemo(() => (planRecord ? tabInstanceFor({ siteUrl: choice.siteUrl, plan: planRecord.name }, tabBase()) : null), [choice.siteUrl, planRecord]);

  useEffect(() => {
    let live = true;
    reachableSites(session.site.sp, ownSite).then(
      (found) => { if (live) setSites({ state: 'ready', value: withOwnSite(found, ownSite) }); },
      (error: unknown) => { if (live) setSites({ state: 'failed', message: messageOf(error) }); },
    );
    configHost().then((h) => {
      if (!live) return;
      // Save reads the latest choice through the ref: the handler is registered once.
      h.onSave(() => tabInstanceFor(latest.current, tabBase()));
      setHost(h);
    }, () => undefined);
    return () => { live = false; };
  }, [session, ownSite]);

  useEffect(() => {
    let live = true;
    setPlans({ state: 'loading' });
    new SharePointPlans(siteSp).list().then(
      (found) => {
        if (!live) return;
        const offered = plansForPicker(found);
        setPlans({ state: 'ready', value: offered });
        // One plan on the site: choose it, the common case.
        setChoice((c) => ({ ...c, plan: c.plan && findPlan(offered, c.plan) ? c.plan : offered.length === 1 ? offered[0].name : '' }));
      },
      (error: unknown) => { if (live) setPlans({ state: 'failed', message: messageOf(error) }); },
    );
    return () => { live = false; };
  }, [siteSp]);

  const planName = planRecord?.name ?? '';
  useEffect(() => {
    if (!planName) { setActionCount(null); return undefined; }
    let live = true;
    setActionCount({ state: 'loading' });
    countPlanActions(siteSp, planName).then(
      (value) => { if (live) setActionCount({ state: 'ready', value }); },
      (error: unknown) => { if (live) setActionCount({ state: 'failed', message: messageOf(error) }); },
    );
    return () => { live = false; };
  }, [siteSp, planName]);

  useEffect(() => { host?.setValid(valid); }, [host, valid]);

  return { choice, setChoice, sites, plans, planRecord, actionCount, valid, instance, host };
}
