import { digestItemIds, type Digest } from '../domain/digest';
import { renderDigestCard, SECTION_PRIORITY, sectionSize, type AdaptiveCardJson, type DigestCardOptions, type SectionLimits } from './digest-card';

/** What is POSTed to a Workflows webhook: a message with one Adaptive Card attachment. */
export type WebhookMessage = {
  type: 'message';
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; content: AdaptiveCardJson }[];
};

/** The kinds of message the reminder job sends (one today; the log key has room for more). */
export type ReminderKind = 'digest';

/** One message for one group, as `remind --dry-run --json` prints it. */
export type ReminderMessage = { group: string; kind: ReminderKind; itemIds: number[]; payload: WebhookMessage };

/**
 * Teams refuses messages over about 28 KB. The budget counts the whole serialized
 * message with a margin below 28 × 1024 bytes, so what Teams measures is always under.
 */
export const MAX_MESSAGE_BYTES = 28_000;

/** Wraps a card the way Workflows' "post card in a chat or channel" trigger expects. */
export function toWebhookMessage(card: AdaptiveCardJson): WebhookMessage {
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}

/** The UTF-8 size of a message as it goes over the wire. */
export function messageBytes(message: WebhookMessage): number {
  return new TextEncoder().encode(JSON.stringify(message)).length;
}

/**
 * A group's digest as a ready-to-send message, within Teams' size limit: when every
 * entry does not fit, the card lists the worst entries (escalated, then most overdue,
 * due soon, changed, stale) and says "and N more" with a link. Browser-safe, so the tab
 * can preview the next digest with it.
 */
export function buildDigestMessage(digest: Digest, options: DigestCardOptions & { maxBytes?: number }): ReminderMessage {
  const maxBytes = options.maxBytes ?? MAX_MESSAGE_BYTES;
  const total = SECTION_PRIORITY.reduce((n, key) => n + sectionSize(digest, key), 0);
  const render = (shown: number) => toWebhookMessage(renderDigestCard(digest, { ...options, limits: limitsFor(digest, shown) }));
  const fits = (message: WebhookMessage) => messageBytes(message) <= maxBytes;

  let payload: WebhookMessage | null = null;
  // Grow the number of entries shown until the card no longer fits, then bisect:
  // a few renders of a small card, never one of all 2,000 entries.
  let good = -1;
  let bad = total + 1;
  for (let shown = Math.min(8, total); ; shown = Math.min(shown * 2, total)) {
    const candidate = render(shown);
    if (!fits(candidate)) { bad = shown; break; }
    good = shown;
    payload = candidate;
    if (shown === total) break;
  }
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    const candidate = render(mid);
    if (fits(candidate)) { good = mid; payload = candidate; } else bad = mid;
  }
  if (good < 0 || !payload) {
    const zero = render(0);
    if (!fits(zero)) {
      throw new Error(`The digest card for "${digest.group.name}" is ${messageBytes(zero)} bytes even with no actions listed, over Teams' limit of ${maxBytes}. Shorten manifest/cards/digest.json.`);
    }
    payload = zero;
  }
  return { group: digest.group.name, kind: 'digest', itemIds: digestItemIds(digest), payload };
}

/** Per-section limits that show the first `shown` entries in priority order. */
export function limitsFor(digest: Digest, shown: number): SectionLimits {
  let left = shown;
  const limits = {} as SectionLimits;
  for (const key of SECTION_PRIORITY) {
    limits[key] = Math.min(left, sectionSize(digest, key));
    left -= limits[key];
  }
  return limits;
}
