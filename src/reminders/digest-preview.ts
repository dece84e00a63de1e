import { digestWindow } from '../domain/digest-window';
import type { IsoDateTime, SteeringGroup } from '../domain/plan-item';
import type { PlanRepository } from '../domain/ports';
import { collectDigest } from './collect-digest';
import type { DigestLinks } from './digest-links';
import { buildDigestMessage, type ReminderMessage } from './digest-message';

export { localDigestLinks, teamsDigestLinks, defaultOverdueViewUrl, type DigestLinks } from './digest-links';
export { buildDigestMessage, type ReminderMessage, type WebhookMessage } from './digest-message';
export { lastDigestSentAt } from './send-now-kind';
export { readLastDigestSentAt } from './group-log';

/**
 * The next digest of a group as it would be sent now: for the tab's "preview the next
 * digest" (render `message.payload.attachments[0].content` with the adaptivecards
 * renderer). Browser-safe — it needs only the plan repository the tab already has.
 * Sending stays on the server: "Send now" adds a Requested row to the Reminder Log
 * (send-requests.ts) that the reminder job sends — webhook URLs are secrets the tab
 * never holds.
 */
export async function previewDigest(
  plans: PlanRepository,
  group: SteeringGroup,
  options: { now: Date; lastSentAt?: IsoDateTime | null; links: DigestLinks },
): Promise<ReminderMessage> {
  const window = digestWindow(group, options.now, options.lastSentAt ?? null);
  const digest = await collectDigest(plans, group, window);
  return buildDigestMessage(digest, { links: options.links, since: options.lastSentAt ?? null });
}
