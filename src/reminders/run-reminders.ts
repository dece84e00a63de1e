import { digestWindow } from '../domain/digest-window';
import type { IsoDate } from '../domain/plan-item';
import type { PlanRepository } from '../domain/ports';
import { claimState, leaseRemainingMs, SEND_LEASE_MS } from '../domain/send-lease';
import { collectDigest } from './collect-digest';
import { crashPoint, crashWanted, deliveryWindow } from './crash-points';
import type { DigestLinks } from './digest-links';
import { buildDigestMessage, type ReminderKind, type ReminderMessage } from './digest-message';
import { redactSecrets } from './redact';
import { groupLogQuery, lastSentOf } from './group-log';
import { claimKeyOf, type ReminderLog, type ReminderLogEntry } from './reminder-log';
import { resolveGroups, type GroupSource, type KeyedGroup } from './resolve-groups';
import { lastDigestSentAt } from './send-now-kind';
import { checkWebhookSettings, WEBHOOK_FILE, webhookEnvName, type WebhookResolver, type WebhookSettingProblem } from './webhook-names';
import type { Notifier } from './webhook-notifier';

/** Where the job reports progress; never given a webhook URL. */
export type ReminderLogger = { info(message: string): void; warn(message: string): void };

/** Everything the job talks to, so tests and the CLI choose the adapters. */
export type ReminderDeps = {
  plans: PlanRepository;
  log: ReminderLog;
  groups: GroupSource;
  notifier: Notifier;
  /** Webhook URLs by group key; with `settingNames`, unmatched and ambiguous settings are reported. */
  webhooks: WebhookResolver & { settingNames?(): string[] };
  /** Builds the card's links once the site's Overdue view address is known. */
  links: (overdueViewUrl: string) => DigestLinks;
  logger?: ReminderLogger;
};

export type ReminderRunOptions = {
  now: Date;
  /** Only this group (by name or key, case-insensitive). */
  group?: string;
  /** Build the messages, claim and send nothing. */
  dryRun?: boolean;
  /** How long a claim holds without renewal, on SharePoint's clock (default 2 minutes). */
  leaseMs?: number;
  /** How many groups are worked on at once (default 4), so one slow chat holds back no other. */
  concurrency?: number;
  /** How long to wait for another live job's claim to end before leaving the group to it (default: the lease and 15 s). */
  maxWaitMs?: number;
  /** How often a claim another job holds is looked at again while waiting (default 2 s). */
  pollMs?: number;
  /** Called with webhook settings that match no group, or that two groups share (they are errors). */
  onProblems?: (problems: WebhookSettingProblem[]) => void;
};

/** What happened for one group. */
export type GroupOutcome = 'sent' | 'already-sent' | 'claimed-elsewhere' | 'failed' | 'no-webhook' | 'dry-run';

export type GroupResult = {
  group: string;
  /** The group's key (the webhook setting is PLAN_TRACKER_WEBHOOK_<key>). */
  key?: string;
  kind: ReminderKind;
  dateKey: IsoDate;
  outcome: GroupOutcome;
  itemIds: number[];
  message?: ReminderMessage;
  detail?: string;
  /** This run took over a claim whose job had died or stalled (its lease ran out). */
  tookOver?: boolean;
};

const KIND = 'digest';
const DEFAULT_CONCURRENCY = 4;

const silent: ReminderLogger = { info: () => undefined, warn: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** This job's claim was taken over (its lease ran out) or finished by another job: it must not post. */
export class ClaimLostError extends Error {
  constructor(claimKey: string) {
    super(`Another job took over '${claimKey}' (this job's claim ran out before it could post), so this job did not post it.`);
    this.name = 'ClaimLostError';
  }
}

/**
 * The reminder job, once: for each steering group, build today's digest and send it
 * exactly once. A send is claimed in the Reminder Log before the POST (the unique
 * ClaimKey makes the claim atomic) and the claim is a lease on SharePoint's clock,
 * renewed before every attempt; the log row says Sent the instant the webhook answers.
 * A Failed claim, or one whose lease ran out (its job died), is taken over at once; a
 * claim another live job holds is waited for. Groups are worked on a few at a time and
 * each on its own, so one slow or hanging chat holds back no other.
 */
export async function runReminders(deps: ReminderDeps, options: ReminderRunOptions): Promise<GroupResult[]> {
  const logger = deps.logger ?? silent;
  const groups = await resolveGroups(deps.groups, options.group, logger);
  const problems = settingProblems(deps, groups);
  if (problems.length) options.onProblems?.(problems);
  const ambiguous = new Map<string, string>();
  for (const problem of problems) if (problem.kind === 'ambiguous') for (const name of problem.groups) ambiguous.set(name, problem.message);
  // One read of the log for every group (a `$batch`), each through the unique ClaimKey index.
  const todays = groups.map((g) => digestWindow(g, options.now, null).today);
  const [overdueViewUrl, logRows] = await Promise.all([deps.groups.overdueViewUrl(), deps.log.findMany(groups.map((g, i) => groupLogQuery(g, todays[i])))]);
  const links = deps.links(overdueViewUrl);

  const results: GroupResult[] = new Array(groups.length);
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const index = next++;
      const group = groups[index];
      const failed = (detail: string): GroupResult => ({ group: group.name, key: group.key, kind: KIND, dateKey: digestWindow(group, options.now, null).today, outcome: 'failed', itemIds: [], detail });
      const clash = ambiguous.get(group.name);
      if (clash && !options.dryRun) {
        logger.warn(`${group.name}: ${clash}`);
        results[index] = failed(clash);
        continue;
      }
      try {
        results[index] = await runGroup(deps, options, group, links, logRows[index], logger);
      } catch (error) {
        // One group's trouble (a refused query, an unreachable log) must not cost the others their digest.
        const detail = `${(error as Error).message ?? String(error)} Nothing was sent to "${group.name}"; run again to retry.`;
        logger.warn(`${group.name}: ${detail}`);
        results[index] = failed(detail);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, groups.length)) }, worker));
  return results;
}

/** Unmatched and ambiguous webhook settings (a group without one is reported as its own result). */
function settingProblems(deps: ReminderDeps, groups: KeyedGroup[]): WebhookSettingProblem[] {
  const names = deps.webhooks.settingNames?.();
  const all = checkWebhookSettings(groups, names ?? []);
  // Without setting names (tests, the local sink) only keys two groups share can be checked.
  return all.filter((p) => p.kind === 'ambiguous' || (names !== undefined && p.kind === 'unmatched'));
}

async function runGroup(deps: ReminderDeps, options: ReminderRunOptions, group: KeyedGroup, links: DigestLinks, rows: ReminderLogEntry[], logger: ReminderLogger): Promise<GroupResult> {
  const today = digestWindow(group, options.now, null).today;
  const key = claimKeyOf(group.key, KIND, today);
  const lastSentAt = lastSentOf(rows);
  const window = digestWindow(group, options.now, lastSentAt);
  const result = (outcome: GroupOutcome, itemIds: number[], extra: Partial<GroupResult> = {}): GroupResult => ({
    group: group.name, key: group.key, kind: KIND, dateKey: window.today, outcome, itemIds, ...extra,
  });

  // Already sent today: nothing to build (and no queries spent).
  const todays = rows.filter((r) => r.dateKey === today && r.kind === KIND && (r.claimKey === key || r.claimKey === claimKeyOf(group.name, KIND, today)));
  if (!options.dryRun && todays.some((e) => e.outcome === 'Sent')) {
    logger.info(`${group.name}: today's digest was already sent.`);
    return result('already-sent', []);
  }
  const digest = await collectDigest(deps.plans, group, window);
  const message = buildDigestMessage(digest, { links, since: lastSentAt, claimKey: key });
  if (options.dryRun) return result('dry-run', message.itemIds, { message });

  const webhookUrl = deps.webhooks(group);
  if (!webhookUrl) {
    const detail = noWebhookDetail(group);
    logger.warn(detail);
    return result('no-webhook', message.itemIds, { detail });
  }

  crashPoint('before-claim', key);
  const claimed = await acquire(deps.log, key, group, today, message.itemIds, options, logger);
  if (claimed.kind !== 'mine') {
    logger.info(`${group.name}: ${claimed.detail}`);
    return result(claimed.kind, [], { detail: claimed.detail });
  }
  crashPoint('after-claim', key);
  const delivery = await deliver(deps, claimed.entry, webhookUrl, message, options, logger);
  const extra = { detail: claimed.tookOver ? `${claimed.tookOver} ${delivery.detail}` : delivery.detail, ...(claimed.tookOver ? { tookOver: true } : {}) };
  return result(delivery.outcome, message.itemIds, delivery.outcome === 'sent' ? { message, ...extra } : extra);
}

type Acquired =
  | { kind: 'mine'; entry: ReminderLogEntry; tookOver: string | null }
  | { kind: 'already-sent' | 'claimed-elsewhere'; detail: string };

/**
 * Claims today's send. When the key is taken: Sent means done; Failed is taken over at
 * once; a lease that ran out (its job died) is taken over at once and said so; a live
 * lease is waited for — its job either finishes or stops renewing — up to `maxWaitMs`.
 */
async function acquire(log: ReminderLog, claimKey: string, group: KeyedGroup, dateKey: IsoDate, itemIds: number[], options: ReminderRunOptions, logger: ReminderLogger): Promise<Acquired> {
  const leaseMs = options.leaseMs ?? SEND_LEASE_MS;
  const claimed = await log.claim({ claimKey, groupName: group.name, kind: KIND, dateKey, itemIds });
  if (claimed) return { kind: 'mine', entry: claimed, tookOver: null };
  const started = performance.now();
  const maxWait = options.maxWaitMs ?? leaseMs + 15_000;
  let toldWaiting = false;
  for (;;) {
    const { value: holder, serverNow } = await log.get(claimKey);
    if (!holder) {
      // The row went away (someone deleted it): claim afresh.
      const again = await log.claim({ claimKey, groupName: group.name, kind: KIND, dateKey, itemIds });
      if (again) return { kind: 'mine', entry: again, tookOver: null };
      continue;
    }
    const state = claimState(holder, serverNow, leaseMs);
    if (state === 'sent') return { kind: 'already-sent', detail: "today's digest was already sent." };
    if (state === 'failed' || state === 'expired') {
      const mine = await log.takeOver(holder, itemIds);
      if (!mine) continue; // another job took it over first: look again
      const note = state === 'expired'
        ? `Took over the claim of a job that stopped (last heard from at ${holder.modified}, SharePoint time; its lease ran out at ${new Date(Date.parse(holder.modified) + leaseMs).toISOString()}).`
        : `Retrying the send that failed earlier (${holder.detail || 'no detail recorded'}).`;
      if (state === 'expired') logger.warn(`${group.name}: ${note}`);
      return { kind: 'mine', entry: mine, tookOver: state === 'expired' ? note : null };
    }
    const waited = performance.now() - started;
    if (!toldWaiting) {
      toldWaiting = true;
      logger.info(`${group.name}: another job holds today's digest (its claim was renewed at ${holder.modified}, SharePoint time); waiting for it to finish or stop.`);
    }
    if (waited >= maxWait) {
      return { kind: 'claimed-elsewhere', detail: `another job is sending today's digest now (it renewed its claim at ${holder.modified}, SharePoint time); it was left to that job.` };
    }
    const remaining = leaseRemainingMs(holder, serverNow, leaseMs);
    await sleep(Math.max(10, Math.min(remaining + 250, options.pollMs ?? 2_000, maxWait - waited)));
  }
}

/**
 * POSTs a claimed message and records the outcome on its log row the instant the webhook
 * answers. Before each attempt the claim is renewed (a guarded write that fails if another
 * job took it over), so this job never posts a send it no longer holds. The URL never
 * reaches the log.
 */
async function deliver(deps: ReminderDeps, claimed: ReminderLogEntry, webhookUrl: string, message: ReminderMessage, options: ReminderRunOptions, logger: ReminderLogger): Promise<{ outcome: 'sent' | 'failed' | 'claimed-elsewhere'; detail: string }> {
  const leaseMs = options.leaseMs ?? SEND_LEASE_MS;
  let entry = claimed;
  let heldSince = performance.now();
  const renew = async (attempt: number) => {
    // A fresh claim needs no renewal for its first attempt; later ones, or a slow build, do.
    if (attempt === 1 && performance.now() - heldSince < leaseMs / 3) return;
    const renewed = await deps.log.renew(entry);
    if (!renewed) throw new ClaimLostError(entry.claimKey);
    entry = renewed;
    heldSince = performance.now();
  };
  let midPost: ReturnType<typeof setTimeout> | undefined;
  try {
    const receipt = await deps.notifier.send(webhookUrl, message.payload, {
      beforeAttempt: async (attempt) => {
        await renew(attempt);
        deliveryWindow.add(entry.claimKey);
        if (crashWanted('mid-post')) midPost = setTimeout(() => crashPoint('mid-post', entry.claimKey), 20);
      },
    });
    crashPoint('after-post', entry.claimKey);
    const detail = `Delivered after ${receipt.attempts} attempt(s) (HTTP ${receipt.status}).`;
    await deps.log.finish(entry, 'Sent', options.now.toISOString(), detail);
    deliveryWindow.delete(entry.claimKey);
    crashPoint('after-record', entry.claimKey);
    logger.info(`${message.group}: digest sent (${message.itemIds.length} actions).`);
    return { outcome: 'sent', detail };
  } catch (error) {
    if (error instanceof ClaimLostError) {
      logger.warn(`${message.group}: ${error.message}`);
      return { outcome: 'claimed-elsewhere', detail: error.message };
    }
    const detail = redactSecrets((error as Error).message ?? String(error), [webhookUrl]);
    await deps.log.finish(entry, 'Failed', options.now.toISOString(), detail);
    logger.warn(`${message.group}: ${detail}`);
    return { outcome: 'failed', detail };
  } finally {
    clearTimeout(midPost);
    deliveryWindow.delete(entry.claimKey);
  }
}

/** The message when no webhook is configured for a group. */
export function noWebhookDetail(group: KeyedGroup): string {
  return `No webhook is configured for "${group.name}": set ${webhookEnvName(group.key)} in the environment or in ${WEBHOOK_FILE}. Nothing was sent.`;
}

export { lastDigestSentAt };
