import { digestWindow } from '../domain/digest-window';
import type { IsoDate, SteeringGroup } from '../domain/plan-item';
import type { PlanRepository } from '../domain/ports';
import { collectDigest } from './collect-digest';
import type { DigestLinks } from './digest-links';
import { buildDigestMessage, type ReminderKind, type ReminderMessage } from './digest-message';
import { redactSecrets } from './redact';
import { claimKeyOf, type ReminderLog, type ReminderLogEntry } from './reminder-log';
import { resolveGroups, type GroupSource } from './resolve-groups';
import { lastDigestSentAt } from './send-requests';
import { WEBHOOK_FILE, webhookEnvName, type WebhookResolver } from './webhook-names';
import type { Notifier } from './webhook-notifier';

/** Where the job reports progress; never given a webhook URL. */
export type ReminderLogger = { info(message: string): void; warn(message: string): void };

/** Everything the job talks to, so tests and the CLI choose the adapters. */
export type ReminderDeps = {
  plans: PlanRepository;
  log: ReminderLog;
  groups: GroupSource;
  notifier: Notifier;
  webhooks: WebhookResolver;
  /** Builds the card's links once the site's Overdue view address is known. */
  links: (overdueViewUrl: string) => DigestLinks;
  logger?: ReminderLogger;
};

export type ReminderRunOptions = {
  now: Date;
  /** Only this group (by name, case-insensitive). */
  group?: string;
  /** Build the messages, claim and send nothing. */
  dryRun?: boolean;
  /** A Claimed row older than this was abandoned by a job that died, and is taken over (default 15 min). */
  staleClaimMs?: number;
};

/** What happened for one group. */
export type GroupOutcome = 'sent' | 'already-sent' | 'claimed-elsewhere' | 'failed' | 'no-webhook' | 'dry-run';

export type GroupResult = { group: string; kind: ReminderKind; dateKey: IsoDate; outcome: GroupOutcome; itemIds: number[]; message?: ReminderMessage; detail?: string };

const KIND = 'digest';
const STALE_CLAIM_MS = 15 * 60 * 1000;
// The log is read once per run for the last digest of every group; a year back is plenty.
const LOG_LOOKBACK_DAYS = 400;

const silent: ReminderLogger = { info: () => undefined, warn: () => undefined };

/**
 * The reminder job, once: for each steering group, build today's digest and send it
 * exactly once. A send is claimed in the Reminder Log before the POST (the unique
 * ClaimKey makes the claim atomic), then marked Sent or Failed; a Failed or abandoned
 * claim is taken over on a later run with an ETag-guarded update.
 */
export async function runReminders(deps: ReminderDeps, options: ReminderRunOptions): Promise<GroupResult[]> {
  const logger = deps.logger ?? silent;
  const groups = await resolveGroups(deps.groups, options.group, logger);
  const [overdueViewUrl, history] = await Promise.all([
    deps.groups.overdueViewUrl(),
    deps.log.since(new Date(options.now.getTime() - LOG_LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10)),
  ]);
  const links = deps.links(overdueViewUrl);
  const results: GroupResult[] = [];
  for (const group of groups) {
    try {
      results.push(await runGroup(deps, options, group, links, history, logger));
    } catch (error) {
      // One group's trouble (a refused query, an unreachable log) must not cost the others their digest.
      const detail = `${(error as Error).message ?? String(error)} Nothing was sent to "${group.name}"; run again to retry.`;
      logger.warn(`${group.name}: ${detail}`);
      results.push({ group: group.name, kind: KIND, dateKey: digestWindow(group, options.now, null).today, outcome: 'failed', itemIds: [], detail });
    }
  }
  return results;
}

async function runGroup(
  deps: ReminderDeps,
  options: ReminderRunOptions,
  group: SteeringGroup,
  links: DigestLinks,
  history: ReminderLogEntry[],
  logger: ReminderLogger,
): Promise<GroupResult> {
  const mine = history.filter((e) => e.groupName.toLowerCase() === group.name.toLowerCase() && e.kind === KIND);
  const lastSentAt = lastDigestSentAt(history, group.name);
  const window = digestWindow(group, options.now, lastSentAt);
  const key = claimKeyOf(group.name, KIND, window.today);
  const result = (outcome: GroupOutcome, itemIds: number[], extra: Partial<GroupResult> = {}): GroupResult => ({
    group: group.name, kind: KIND, dateKey: window.today, outcome, itemIds, ...extra,
  });

  // Already sent today: nothing to build (and no queries spent).
  if (!options.dryRun && mine.some((e) => e.claimKey === key && e.outcome === 'Sent')) {
    logger.info(`${group.name}: today's digest was already sent.`);
    return result('already-sent', []);
  }
  const digest = await collectDigest(deps.plans, group, window);
  const message = buildDigestMessage(digest, { links, since: lastSentAt });
  if (options.dryRun) return result('dry-run', message.itemIds, { message });

  const webhookUrl = deps.webhooks(group.name);
  if (!webhookUrl) {
    const detail = noWebhookDetail(group.name);
    logger.warn(detail);
    return result('no-webhook', message.itemIds, { detail });
  }

  const entry = await claim(deps.log, key, group, window.today, message.itemIds, options);
  if (entry === 'already-sent' || entry === 'claimed-elsewhere') {
    logger.info(`${group.name}: ${entry === 'already-sent' ? "today's digest was already sent" : 'another job is sending today\'s digest'}.`);
    return result(entry, []);
  }
  const delivery = await deliver(deps, entry, webhookUrl, message, options.now, logger);
  return result(delivery.outcome, message.itemIds, delivery.outcome === 'sent' ? { message, detail: delivery.detail } : { detail: delivery.detail });
}

/** POSTs a claimed message and records Sent or Failed on its log row; the URL never reaches the log. */
async function deliver(
  deps: ReminderDeps,
  entry: ReminderLogEntry,
  webhookUrl: string,
  message: ReminderMessage,
  now: Date,
  logger: ReminderLogger,
): Promise<{ outcome: 'sent' | 'failed'; detail: string }> {
  try {
    const receipt = await deps.notifier.send(webhookUrl, message.payload);
    const detail = `Delivered after ${receipt.attempts} attempt(s) (HTTP ${receipt.status}).`;
    await deps.log.finish(entry, 'Sent', now.toISOString(), detail);
    logger.info(`${message.group}: digest sent (${message.itemIds.length} actions).`);
    return { outcome: 'sent', detail };
  } catch (error) {
    const detail = redactSecrets((error as Error).message ?? String(error), [webhookUrl]);
    await deps.log.finish(entry, 'Failed', now.toISOString(), detail);
    logger.warn(`${message.group}: ${detail}`);
    return { outcome: 'failed', detail };
  }
}

/** The message when no webhook is configured for a group. */
function noWebhookDetail(groupName: string): string {
  return `No webhook is configured for "${groupName}": set ${webhookEnvName(groupName)} in the environment or in ${WEBHOOK_FILE}. Nothing was sent.`;
}

/** Claims today's send, or takes over a failed or abandoned claim; says why not otherwise. */
async function claim(
  log: ReminderLog,
  claimKey: string,
  group: SteeringGroup,
  dateKey: IsoDate,
  itemIds: number[],
  options: ReminderRunOptions,
): Promise<ReminderLogEntry | 'already-sent' | 'claimed-elsewhere'> {
  const claimed = await log.claim({ claimKey, groupName: group.name, kind: KIND, dateKey, itemIds });
  if (claimed) return claimed;
  const holder = await log.get(claimKey);
  if (!holder) return 'claimed-elsewhere';
  if (holder.outcome === 'Sent') return 'already-sent';
  const abandoned = holder.outcome === 'Claimed' && Date.now() - Date.parse(holder.modified) > (options.staleClaimMs ?? STALE_CLAIM_MS);
  if (holder.outcome === 'Failed' || abandoned) {
    return (await log.reclaim(holder, itemIds)) ?? 'claimed-elsewhere';
  }
  return 'claimed-elsewhere';
}
