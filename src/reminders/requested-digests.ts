import { digestWindow } from '../domain/digest-window';
import { toIsoDate } from '../domain/dates';
import { collectDigest } from './collect-digest';
import { buildDigestMessage, type ReminderMessage } from './digest-message';
import type { ReminderLog, ReminderLogEntry } from './reminder-log';
import { resolveGroups } from './resolve-groups';
import {
  deliver, lastDigestSentAt, LOG_LOOKBACK_DAYS, noWebhookDetail, STALE_CLAIM_MS,
  type GroupResult, type ReminderDeps, type ReminderLogger,
} from './run-reminders';

/** The kind of a digest a manager asked for. */
export const DIGEST_NOW = 'digest-now' as const;

/**
 * Asks for a group's digest to be sent now: adds a Requested row to the Reminder Log,
 * which the reminder job (it holds the webhook URLs; the tab never does) claims and
 * sends within its polling interval. Browser-safe: the tab calls it with its own log.
 */
export async function requestDigestNow(log: ReminderLog, groupName: string, now: Date): Promise<ReminderLogEntry> {
  const dateKey = toIsoDate(now);
  // The instant makes each request its own key: asking twice sends twice, on purpose.
  return log.request({ claimKey: `${groupName}|${DIGEST_NOW}|${now.toISOString()}`, groupName, kind: DIGEST_NOW, dateKey, itemIds: [] });
}

/** A requested digest that keeps failing is given up after this many attempts (the log row says why). */
const MAX_REQUEST_ATTEMPTS = 5;

const silent: ReminderLogger = { info: () => undefined, warn: () => undefined };

/**
 * Sends the digests managers asked for: each Requested row (and a failed or abandoned
 * one, on a later run) is claimed with an ETag-guarded update, so two jobs polling at
 * once never both send it.
 */
export async function runRequestedDigests(deps: ReminderDeps, options: { now: Date; staleClaimMs?: number }): Promise<GroupResult[]> {
  const logger = deps.logger ?? silent;
  const history = await deps.log.since(toIsoDate(new Date(options.now.getTime() - LOG_LOOKBACK_DAYS * 86_400_000)));
  const staleMs = options.staleClaimMs ?? STALE_CLAIM_MS;
  const pending = history.filter((e) => e.kind === DIGEST_NOW && (
    e.outcome === 'Requested'
    || (e.outcome === 'Failed' && e.attempts < MAX_REQUEST_ATTEMPTS)
    || (e.outcome === 'Claimed' && Date.now() - Date.parse(e.modified) > staleMs)
  ));
  if (pending.length === 0) return [];
  const links = deps.links(await deps.groups.overdueViewUrl());
  const results: GroupResult[] = [];
  for (const request of pending) {
    const base = { group: request.groupName, kind: DIGEST_NOW, dateKey: request.dateKey } as const;
    try {
      const [group] = await resolveGroups(deps.groups, request.groupName, logger);
      const webhookUrl = deps.webhooks(group.name);
      if (!webhookUrl) {
        results.push({ ...base, outcome: 'no-webhook', itemIds: [], detail: noWebhookDetail(group.name) });
        continue;
      }
      const entry = await deps.log.reclaim(request, request.itemIds);
      if (!entry) {
        results.push({ ...base, outcome: 'claimed-elsewhere', itemIds: [] });
        continue;
      }
      const since = lastDigestSentAt(history, group.name);
      const digest = await collectDigest(deps.plans, group, digestWindow(group, options.now, since));
      const message = { ...buildDigestMessage(digest, { links, since }), kind: DIGEST_NOW } satisfies ReminderMessage;
      const delivery = await deliver(deps, entry, webhookUrl, message, options.now, logger);
      results.push({ ...base, outcome: delivery.outcome, itemIds: message.itemIds, detail: delivery.detail, ...(delivery.outcome === 'sent' ? { message } : {}) });
    } catch (error) {
      const detail = `${(error as Error).message ?? String(error)} The requested digest for "${request.groupName}" was not sent; it is retried on the next run.`;
      logger.warn(detail);
      results.push({ ...base, outcome: 'failed', itemIds: [], detail });
    }
  }
  return results;
}
