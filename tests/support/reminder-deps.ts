import { reminderDepsForSite } from '../../src/reminders/reminder-job';
import type { SendRequestDeps } from '../../src/reminders/send-requests';
import { webhooksToSink } from '../../src/reminders/webhook-config';
import { WorkflowWebhookNotifier } from '../../src/reminders/webhook-notifier';

/**
 * The reminder job's real adapters for a test site, every group's webhook pointing at the
 * site's webhook sink, with fast retries (the real job waits seconds and keeps to 3 a second).
 */
export function sinkReminderDeps(site: { siteUrl: string; url: string }, options: { maxAttempts: number; appId?: string }): Promise<SendRequestDeps> {
  return reminderDepsForSite({
    siteUrl: site.siteUrl,
    auth: { kind: 'embedded' },
    webhooks: webhooksToSink(site.url),
    logger: { info: () => undefined, warn: () => undefined },
    notifier: new WorkflowWebhookNotifier({ baseDelayMs: 2, maxDelayMs: 20, maxAttempts: options.maxAttempts, requestsPerSecond: 200 }),
    appId: options.appId,
  });
}
