import { useEffect, useMemo, useRef, useState } from 'react';
import { planChoices } from '../../sharepoint/plan-choices';
import { configHost, type ConfigHost } from '../host/config-host';
import type { TabSession } from '../session/tab-session';
import { checkChoice, tabInstanceFor, type ConfigChoice } from './tab-instance';

/** Where the tab's pages are served from, e.g. `https://host/tab/`. */
const tabBase = () => new URL('./', window.location.href).href;

/**
 * The config page's state: the choice, its problems, the plans and steering groups found
 * on the site, and the Teams side (validity follows every change; Save builds the content URL).
 */
export function useConfigPage(session: TabSession) {
  const [choice, setChoice] = useState<ConfigChoice>({ siteUrl: session.site.siteUrl, plan: '', steeringGroup: '' });
  const [choices, setChoices] = useState<{ plans: string[]; steeringGroups: string[]; problem?: string } | null>(null);
  const [host, setHost] = useState<ConfigHost | null>(null);
  const latest = useRef(choice);
  latest.current = choice;

  const problems = useMemo(() => checkChoice(choice, window.location.origin), [choice]);
  const valid = Object.keys(problems).length === 0;
  const instance = useMemo(() => (valid ? tabInstanceFor(choice, tabBase()) : null), [choice, valid]);

  useEffect(() => {
    let live = true;
    planChoices(session.site.sp).then(
      (found) => {
        if (!live) return;
        setChoices(found);
        // One plan on the site: choose it, the common case.
        if (found.plans.length === 1) setChoice((c) => (c.plan ? c : { ...c, plan: found.plans[0] }));
      },
      (error: unknown) => { if (live) setChoices({ plans: [], steeringGroups: [], problem: error instanceof Error ? error.message : String(error) }); },
    );
    configHost().then((h) => {
      if (!live) return;
      // Save reads the latest choice through the ref: the handler is registered once.
      h.onSave(() => tabInstanceFor(latest.current, tabBase()));
      setHost(h);
    }, () => undefined);
    return () => { live = false; };
  }, [session]);

  useEffect(() => { host?.setValid(valid); }, [host, valid]);

  return { choice, setChoice, problems, valid, instance, choices, host };
}
