import { useEffect, useMemo, useState } from 'react';
import type { Digest } from '../../../domain/digest';
import { digestWindow } from '../../../domain/digest-window';
import type { SteeringGroup } from '../../../domain/plan-item';
import { collectDigest } from '../../../reminders/collect-digest';
import { localDigestLinks, teamsDigestLinks, type DigestLinks } from '../../../reminders/digest-links';
import { buildDigestMessage, type ReminderMessage } from '../../../reminders/digest-message';
import { defaultGroup } from '../../../reminders/resolve-groups';
import { readLastDigestSentAt } from '../../../reminders/group-log';
import { SharePointReminderLog } from '../../../sharepoint/reminder-log-repository';
import { SharePointSteeringGroups } from '../../../sharepoint/steering-group-repository';
import type { TabConfig } from '../../config';
import type { HostContext } from '../../host/host';
import type { TabSession } from '../../session/tab-session';
import { explainError, type PlainError } from '../../errors';

/** The groups a manager can preview: the Steering Groups list plus groups named only on actions. */
export type GroupsState =
  | { state: 'loading' }
  | { state: 'failed'; message: PlainError }
  | { state: 'ready'; groups: SteeringGroup[]; overdueViewUrl: string };

/** The next digest of the chosen group, as the job would send it now. */
export type PreviewState =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'failed'; message: PlainError }
  | { state: 'ready'; digest: Digest; message: ReminderMessage; lastSentAt: string | null };

const key = (name: string) => name.trim().toLowerCase();

/** Where the preview's buttons lead: the Teams tab when the app id is known, else this tab. */
function previewLinks(config: TabConfig, host: HostContext, overdueViewUrl: string): DigestLinks {
  const appId = config.teamsAppId || host.appId;
  if (config.authMode === 'token' && appId) return teamsDigestLinks({ appId, overdueViewUrl });
  return localDigestLinks({ origin: window.location.origin, overdueViewUrl });
}

/** Reads the steering groups once. */
export function useSteeringGroups(session: TabSession): GroupsState {
  const [state, setState] = useState<GroupsState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const source = new SharePointSteeringGroups(session.site.sp, session.site.siteUrl);
    Promise.all([source.list(), source.namesOnActions(), source.overdueViewUrl()]).then(
      ([listed, named, overdueViewUrl]) => {
        const byKey = new Map(listed.map((g) => [key(g.name), g]));
        for (const name of named) if (!byKey.has(key(name))) byKey.set(key(name), defaultGroup(name));
        const groups = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
        if (live) setState({ state: 'ready', groups, overdueViewUrl });
      },
      (error: unknown) => { if (live) setState({ state: 'failed', message: explainError(error) }); },
    );
    return () => { live = false; };
  }, [session]);
  return state;
}

/**
 * Computes the chosen group's next digest in the browser with the reminder job's own
 * pieces (the same queries, selection rule and card), so what is previewed is what is sent.
 * `refresh` changes re-compute it (after a send, "changed since" starts again).
 */
export function useDigestPreview(
  session: TabSession,
  config: TabConfig,
  host: HostContext,
  group: SteeringGroup | null,
  overdueViewUrl: string,
  refresh: number,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ state: 'none' });
  const log = useMemo(() => new SharePointReminderLog(session.site.sp), [session]);
  useEffect(() => {
    if (!group) {
      setState({ state: 'none' });
      return;
    }
    let live = true;
    setState({ state: 'loading' });
    const now = new Date();
    (async () => {
      // One narrow read through the unique ClaimKey index, whatever the size of the log.
      const lastSentAt = await readLastDigestSentAt(log, group, digestWindow(group, now, null).today);
      const digest = await collectDigest(session.site.plans, group, digestWindow(group, now, lastSentAt));
      const message = buildDigestMessage(digest, { links: previewLinks(config, host, overdueViewUrl), since: lastSentAt });
      return { digest, message, lastSentAt };
    })().then(
      (ready) => { if (live) setState({ state: 'ready', ...ready }); },
      (error: unknown) => { if (live) setState({ state: 'failed', message: explainError(error) }); },
    );
    return () => { live = false; };
    // host changes with the theme; the links depend only on its app id.
  }, [session, config, host.appId, group, overdueViewUrl, log, refresh]);
  return state;
}
