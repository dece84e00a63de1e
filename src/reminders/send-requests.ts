import { digestWindow } from '../domain/digest-window';
import type { IsoDate, IsoDateTime, SteeringGroup } from '../domain/plan-item';
import { collectDigest } from './collect-digest';
import { buildDigestMessage, type ReminderMessage } from './digest-message';
import { redactSecrets } from './redact';
import type { ReminderLogEntry } from './reminder-log';
import { defaultGroup } from './resolve-groups';
import type { ReminderDeps, ReminderLogger } from './run-reminders';
import { WEBHOOK_FILE, webhookEnvName } from './webhook-names';

/** The Reminder Log `Kind` of a digest a manager asked for from the tab ("Send now"). */
export const SEND_NOW_KIND = 'digest-now';

/** Where a "Send now" request stands: the tab writes Requested, the job Claimed, then Sent or Failed. */
export type SendRequestOutcome = 'Requested' | 'Claimed' | 'Sent' | 'Failed';

/** A "Send now" request: one Reminder Log row of Kind `digest-now`. */
export type SendRequest = {
  id: number;
  etag: string;
  claimKey: string;
  groupName: string;
  dateKey: IsoDate;
  outcome: SendRequestOutcome;
  itemIds: number[];
  attempts: number;
  sentAt: IsoDateTime | null;
  /** What happened, for people: never a webhook URL. */
  detail: string;
};

/**
 * The "Send now" requests in the Reminder Log. The tab only ever adds a request and reads
 * it back: the webhook URLs are secrets the browser never holds, so the job sends.
 */
export interface SendRequestLog {
  /** Adds a Requested row for the group, keyed `<group>|request|<ISO timestamp>`. */
  request(groupName: string, requestedAt: Date, dateKey: IsoDate): Promise<SendRequest>;
  /** One request as it stands now. */
  get(id: number): Promise<SendRequest>;
  /** Every request still waiting (Outcome eq 'Requested', an indexed filter), oldest first. */
  pending(): Promise<SendRequest[]>;
  /** Marks a request Claimed, guarded by the ETag it was read with; null when another job changed it first. */
  claim(request: SendRequest): Promise<SendRequest | null>;
  /** Records the outcome of a request this job claimed. */
  finish(request: SendRequest, outcome: 'Sent' | 'Failed', at: IsoDateTime, detail: string, itemIds: number[]): Promise<void>;
}

/** The reminder job's adapters plus where send requests live. */
export type SendRequestDeps = ReminderDeps & { requests: SendRequestLog };

/** The claim key of a request: unique per instant, so two managers' clicks are two rows. */
export function requestClaimKey(groupName: string, requestedAt: Date): string {
  return `${groupName}|request|${requestedAt.toISOString()}`;
}

const sameGroup = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * When the group was last sent a digest (scheduled or "Send now"), from Reminder Log rows:
 * "changed since the last digest" counts from there. The tab's preview and the job's
 * send both use it, so the card sent is the card previewed.
 */
export function lastDigestSentAt(entries: ReminderLogEntry[], groupName: string): IsoDateTime | null {
  return entries
    .filter((e) => sameGroup(e.groupName, groupName) && (e.kind === 'digest' || e.kind === SEND_NOW_KIND) && e.outcome === 'Sent' && e.sentAt)
    .map((e) => e.sentAt!)
    .sort()
    .pop() ?? null;
}

// How far back the log is read for the last digest sent (as run-reminders does).
const LOG_LOOKBACK_DAYS = 400;
const silent: ReminderLogger = { info: () => undefined, warn: () => undefined };

/**
 * Sends the digests managers asked for from the tab. Each Requested row is first claimed
 * with an ETag-guarded update, so of two jobs reading the same request only one sends it;
 * requests for the same group claimed in one run share one message. Each claimed request
 * ends Sent (SentAt, ItemIds) or Failed (a Detail that never contains the webhook URL).
 * Returns how many requests this call claimed and finished. Costs one request when
 * nothing is waiting, so the scheduler can call it every few seconds.
 */
export async function processSendRequests(deps: SendRequestDeps, now: Date): Promise<number> {
  const logger = deps.logger ?? silent;
  const waiting = await deps.requests.pending();
  if (!waiting.length) return 0;

  const claimed: SendRequest[] = [];
  for (const request of waiting) {
    const mine = await deps.requests.claim(request);
    if (mine) claimed.push(mine);
  }
  if (!claimed.length) return 0;

  const byGroup = new Map<string, SendRequest[]>();
  for (const request of claimed) {
    const key = request.groupName.trim().toLowerCase();
    byGroup.set(key, [...(byGroup.get(key) ?? []), request]);
  }
  const finishAll = (requests: SendRequest[], outcome: 'Sent' | 'Failed', detail: string, itemIds: number[]) =>
    Promise.all(requests.map((r) => deps.requests.finish(r, outcome, now.toISOString(), detail, itemIds)));

  let context: Awaited<ReturnType<typeof readContext>>;
  try {
    context = await readContext(deps, now);
  } catch (error) {
    // Claimed requests must not stay Claimed for ever: say what went wrong on each.
    const detail = `${(error as Error).message ?? String(error)} Nothing was sent; ask again with "Send now".`;
    logger.warn(detail);
    await finishAll(claimed, 'Failed', detail, []);
    return claimed.length;
  }

  for (const requests of byGroup.values()) {
    const name = requests[0].groupName;
    const group = context.findGroup(name);
    if (!group) {
      await finishAll(requests, 'Failed', `No steering group is called "${name}": it is neither in the Steering Groups list nor named on any action. Nothing was sent.`, []);
      continue;
    }
    const webhookUrl = deps.webhooks(group.name);
    if (!webhookUrl) {
      const detail = `No webhook is configured for "${group.name}": set ${webhookEnvName(group.name)} in the environment or in ${WEBHOOK_FILE} where the reminder job runs. Nothing was sent.`;
      logger.warn(detail);
      await finishAll(requests, 'Failed', detail, []);
      continue;
    }
    let message: ReminderMessage | null = null;
    try {
      message = await digestFor(deps, group, now, context);
      const receipt = await deps.notifier.send(webhookUrl, message.payload);
      await finishAll(requests, 'Sent', `Delivered after ${receipt.attempts} attempt(s) (HTTP ${receipt.status}).`, message.itemIds);
      logger.info(`${group.name}: digest sent on request (${message.itemIds.length} actions).`);
    } catch (error) {
      const detail = redactSecrets((error as Error).message ?? String(error), [webhookUrl]);
      logger.warn(`${group.name}: ${detail}`);
      await finishAll(requests, 'Failed', detail, message?.itemIds ?? []);
    }
  }
  return claimed.length;
}

/** What every request of a run shares: the groups, the log's history and the card links. */
async function readContext(deps: ReminderDeps, now: Date) {
  const from = new Date(now.getTime() - LOG_LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [listed, named, overdueViewUrl, history] = await Promise.all([
    deps.groups.list(),
    deps.groups.namesOnActions(),
    deps.groups.overdueViewUrl(),
    deps.log.since(from),
  ]);
  return {
    history,
    links: deps.links(overdueViewUrl),
    /** The listed group, else the defaults for a group named only on actions. */
    findGroup(name: string): SteeringGroup | null {
      const listedGroup = listed.find((g) => sameGroup(g.name, name));
      if (listedGroup) return listedGroup;
      const onActions = named.find((n) => sameGroup(n, name));
      return onActions ? defaultGroup(onActions) : null;
    },
  };
}

async function digestFor(deps: ReminderDeps, group: SteeringGroup, now: Date, context: Awaited<ReturnType<typeof readContext>>): Promise<ReminderMessage> {
  const lastSentAt = lastDigestSentAt(context.history, group.name);
  const digest = await collectDigest(deps.plans, group, digestWindow(group, now, lastSentAt));
  return buildDigestMessage(digest, { links: context.links, since: lastSentAt });
}
