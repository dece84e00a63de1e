import { digestWindow } from '../domain/digest-window';
import type { IsoDate, IsoDateTime } from '../domain/plan-item';
import { claimState, SEND_LEASE_MS } from '../domain/send-lease';
import { collectDigest } from './collect-digest';
import { buildDigestMessage, type ReminderMessage } from './digest-message';
import { readLastDigestSentAt } from './group-log';
import { redactSecrets } from './redact';
import type { TimedRead } from './reminder-log';
import { resolveGroups, type KeyedGroup } from './resolve-groups';
import { ClaimLostError, noWebhookDetail, type ReminderDeps, type ReminderLogger } from './run-reminders';
import { SEND_NOW_KIND, lastDigestSentAt } from './send-now-kind';

export { SEND_NOW_KIND, lastDigestSentAt };

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
  /** When the row last changed, on SharePoint's clock: a Claimed request's lease runs from here. */
  modified: IsoDateTime;
};

/**
 * The "Send now" requests in the Reminder Log. The tab only ever adds a request and reads
 * it back: the webhook URLs are secrets the browser never holds, so the job sends. A
 * claimed request is a lease, as a scheduled send is (src/domain/send-lease.ts).
 */
export interface SendRequestLog {
  /** Adds a Requested row for the group, keyed `<group>|request|<ISO timestamp>`. */
  request(groupName: string, requestedAt: Date, dateKey: IsoDate): Promise<SendRequest>;
  /** One request as it stands now, with SharePoint's time of the read. */
  get(id: number): Promise<TimedRead<SendRequest>>;
  /** Every request Requested or Claimed (Outcome is indexed), oldest first, with SharePoint's time. */
  pending(): Promise<TimedRead<SendRequest[]>>;
  /** Marks a request Claimed, guarded by the ETag it was read with; null when another job changed it first. */
  claim(request: SendRequest): Promise<SendRequest | null>;
  /** Renews this job's lease on a request; null when another job took it over. */
  renew(request: SendRequest): Promise<SendRequest | null>;
  /** Records the outcome of a request this job claimed (Sent whatever the ETag; Failed only while this job holds it). */
  finish(request: SendRequest, outcome: 'Sent' | 'Failed', at: IsoDateTime, detail: string, itemIds: number[]): Promise<void>;
}

/** The reminder job's adapters plus where send requests live. */
export type SendRequestDeps = ReminderDeps & { requests: SendRequestLog };

/** The claim key of a request: unique per instant, so two managers' clicks are two rows. */
export function requestClaimKey(groupName: string, requestedAt: Date): string {
  return `${groupName}|request|${requestedAt.toISOString()}`;
}

const silent: ReminderLogger = { info: () => undefined, warn: () => undefined };
const sameGroup = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Options of one pass over the waiting requests. */
export type SendRequestOptions = { leaseMs?: number };

/**
 * Sends the digests managers asked for from the tab. Each Requested row is first claimed
 * with an ETag-guarded update, so of two jobs reading the same request only one sends it;
 * a request whose claim ran out (its job died) is taken over the same way, and says so.
 * Requests for the same group claimed in one pass share one message. The claim is renewed
 * before every attempt and the outcome written the instant the webhook answers: Sent
 * (SentAt, ItemIds) or Failed (a Detail that never contains the webhook URL). Returns how
 * many requests this call claimed and finished. Costs one request when nothing is
 * waiting, so the scheduler can call it every few seconds.
 */
export async function processSendRequests(deps: SendRequestDeps, now: Date, options: SendRequestOptions = {}): Promise<number> {
  const logger = deps.logger ?? silent;
  const leaseMs = options.leaseMs ?? SEND_LEASE_MS;
  const { value: open, serverNow } = await deps.requests.pending();
  const takeable = open.filter((r) => {
    const state = claimState(r, serverNow, leaseMs);
    return state === 'waiting' || state === 'expired';
  });
  if (!takeable.length) return 0;

  const claimed: SendRequest[] = [];
  for (const request of takeable) {
    const mine = await deps.requests.claim(request);
    if (!mine) continue;
    if (request.outcome === 'Claimed') logger.warn(`${request.groupName}: took over the "Send now" request ${request.claimKey} from a job that stopped (last heard from at ${request.modified}, SharePoint time).`);
    claimed.push(mine);
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
    context = await readContext(deps);
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
    const webhookUrl = deps.webhooks(group);
    if (!webhookUrl) {
      const detail = `${noWebhookDetail(group).replace(/\. Nothing was sent\.$/, '')} where the reminder job runs. Nothing was sent.`;
      logger.warn(detail);
      await finishAll(requests, 'Failed', detail, []);
      continue;
    }
    await sendForGroup(deps, requests, group, webhookUrl, now, context.links, leaseMs, logger);
  }
  return claimed.length;
}

/** Builds one group's digest and sends it for all its claimed requests, renewing their claims before each attempt. */
async function sendForGroup(deps: SendRequestDeps, claimed: SendRequest[], group: KeyedGroup, webhookUrl: string, now: Date, links: ReturnType<ReminderDeps['links']>, leaseMs: number, logger: ReminderLogger): Promise<void> {
  let held = claimed;
  let heldSince = performance.now();
  let message: ReminderMessage | null = null;
  const finishAll = (outcome: 'Sent' | 'Failed', detail: string, itemIds: number[]) =>
    Promise.all(held.map((r) => deps.requests.finish(r, outcome, now.toISOString(), detail, itemIds)));
  try {
    message = await digestFor(deps, group, now, links, claimed[0].claimKey);
    const receipt = await deps.notifier.send(webhookUrl, message.payload, {
      beforeAttempt: async (attempt) => {
        if (attempt === 1 && performance.now() - heldSince < leaseMs / 3) return;
        const renewed = await Promise.all(held.map((r) => deps.requests.renew(r)));
        // Requests another job took over are its to send; post for the ones still ours.
        held = renewed.filter((r): r is SendRequest => r !== null);
        if (!held.length) throw new ClaimLostError(claimed[0].claimKey);
        heldSince = performance.now();
      },
    });
    await finishAll('Sent', `Delivered after ${receipt.attempts} attempt(s) (HTTP ${receipt.status}).`, message.itemIds);
    logger.info(`${group.name}: digest sent on request (${message.itemIds.length} actions).`);
  } catch (error) {
    if (error instanceof ClaimLostError) {
      logger.warn(`${group.name}: ${error.message}`);
      return;
    }
    const detail = redactSecrets((error as Error).message ?? String(error), [webhookUrl]);
    logger.warn(`${group.name}: ${detail}`);
    await finishAll('Failed', detail, message?.itemIds ?? []);
  }
}

/** What every request of a pass shares: the groups (with their keys) and the card links. */
async function readContext(deps: ReminderDeps) {
  // Groups named only on actions are warned about by the scheduled run, not every few seconds here.
  const [groups, overdueViewUrl] = await Promise.all([resolveGroups(deps.groups, undefined, silent), deps.groups.overdueViewUrl()]);
  return {
    links: deps.links(overdueViewUrl),
    findGroup: (name: string): KeyedGroup | null => groups.find((g) => sameGroup(g.name, name)) ?? null,
  };
}

async function digestFor(deps: ReminderDeps, group: KeyedGroup, now: Date, links: ReturnType<ReminderDeps['links']>, claimKey: string): Promise<ReminderMessage> {
  const today = digestWindow(group, now, null).today;
  const lastSentAt = await readLastDigestSentAt(deps.log, group, today);
  const digest = await collectDigest(deps.plans, group, digestWindow(group, now, lastSentAt));
  return buildDigestMessage(digest, { links, since: lastSentAt, claimKey });
}
