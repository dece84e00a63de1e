import type { ConnectionAuth } from '../sharepoint/connect';
import { openSite } from '../sharepoint/open-site';
import { SharePointReminderLog } from '../sharepoint/reminder-log-repository';
import { SharePointSendRequests } from '../sharepoint/send-request-repository';
import { isLocalSite } from '../sharepoint/site-url';
import { SharePointSteeringGroups } from '../sharepoint/steering-group-repository';
import { digestAppId, localDigestLinks, teamsDigestLinks, type DigestLinks } from './digest-links';
import type { ReminderLogger } from './run-reminders';
import type { SendRequestDeps } from './send-requests';
import { startScheduler, type ReminderScheduler } from './scheduler';
import { webhooksToSink } from './webhook-config';
import type { WebhookResolver } from './webhook-names';
import { WorkflowWebhookNotifier, type Notifier } from './webhook-notifier';

/** How links in cards are made: Teams deep links with TEAMS_APP_ID, else the local tab, else SharePoint's own item pages. */
export function linksFor(siteUrl: string, appId: string | undefined, logger: ReminderLogger): (overdueViewUrl: string) => DigestLinks {
  if (appId) return (overdueViewUrl) => teamsDigestLinks({ appId, overdueViewUrl });
  if (isLocalSite(siteUrl)) return (overdueViewUrl) => localDigestLinks({ origin: new URL(siteUrl).origin, overdueViewUrl });
  logger.warn('Neither PLAN_TRACKER_TEAMS_APP_ID nor TEAMS_APP_ID is set, so cards link to SharePoint item pages instead of the Plan Tracker tab. Set PLAN_TRACKER_TEAMS_APP_ID to the app id the Teams admin centre shows for Plan Tracker.');
  const site = siteUrl.replace(/\/+$/, '');
  return (overdueViewUrl) => ({ item: (id) => `${site}/Lists/PlanItems/DispForm.aspx?ID=${id}`, tab: `${site}/Lists/PlanItems/AllItems.aspx`, overdueView: overdueViewUrl });
}

export type ReminderJobConfig = {
  siteUrl: string;
  auth: ConnectionAuth;
  webhooks: WebhookResolver & { settingNames?(): string[] };
  logger: ReminderLogger;
  notifier?: Notifier;
  /** The Teams app id for deep links (default: PLAN_TRACKER_TEAMS_APP_ID, else TEAMS_APP_ID). */
  appId?: string;
  /** How long one webhook call may take (default 30 s), when no notifier is given. */
  timeoutMs?: number;
};

/** The reminder job's adapters for a SharePoint site (real tenant or the embedded server), "Send now" requests included. */
export async function reminderDepsForSite(config: ReminderJobConfig): Promise<SendRequestDeps> {
  const site = await openSite(config.siteUrl, config.auth);
  return {
    requests: new SharePointSendRequests(site.sp),
    plans: site.plans,
    log: new SharePointReminderLog(site.sp),
    groups: new SharePointSteeringGroups(site.sp, config.siteUrl),
    notifier: config.notifier ?? new WorkflowWebhookNotifier({ timeoutMs: config.timeoutMs }),
    webhooks: config.webhooks,
    links: linksFor(config.siteUrl, config.appId ?? digestAppId(process.env), config.logger),
    logger: config.logger,
  };
}

/**
 * For `npm start`: the scheduler against the embedded server, every group's webhook
 * pointing at the server's webhook sink, so the chat preview (`/chat`) shows what
 * each group would receive.
 */
export async function startLocalScheduler(siteUrl: string, logger: ReminderLogger): Promise<ReminderScheduler> {
  const deps = await reminderDepsForSite({ siteUrl, auth: { kind: 'embedded' }, webhooks: webhooksToSink(new URL(siteUrl).origin), logger });
  // Locally "Send now" should feel immediate: look for requests every few seconds.
  return startScheduler({ deps, logger, requestPollMs: 5_000 });
}
