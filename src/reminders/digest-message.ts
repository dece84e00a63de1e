import { digestItemIds, type Digest } from '../domain/digest';
import { renderDigestCard, SECTION_PRIORITY, sectionSize, type AdaptiveCardJson, type DigestCardOptions, type SectionLimits } from './digest-card';

/**
 * What is POSTed to a Workflows webhook: a message with one Adaptive Card attachment. A
 * sent digest carries its Reminder Log claim key twice — `claimKey` beside the attachments
 * (a flow reads it as `triggerBody()?['claimKey']`) and in the card's `metadata` — so a
 * flow can drop a key it has already posted (see the README).
 */
export type WebhookMessage = {
  type: 'message';
  claimKey?: string;
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; content: AdaptiveCardJson }[];
};

/** The kind of message the reminder job sends (the Reminder Log's Kind; "Send now" rows use `digest-now`). */
export type ReminderKind = 'digest';

/** One message for one group, as `remind --dry-run --json` prints it. */
export type ReminderMessage = { group: string; kind: ReminderKind; itemIds: number[]; payload: WebhookMessage };

/**
 * Teams refuses messages over about 28 KB. The budget counts the whole serialized
 * message with a margin below 28 × 1024 bytes, so what Teams measures is always under.
 */
export const MAX_MESSAGE_BYTES = 28_000;

/** Wraps a card the way Workflows' "post card in a chat or channel" trigger expects, with its claim key when it has one. */
export function toWebhookMessage(card: AdaptiveCardJson, claimKey?: string): WebhookMessage {
  if (!claimKey) return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
  const metadata = { ...(card.metadata as Record<string, unknown> | undefined), claimKey };
  return { type: 'message', claimKey, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { ...card, metadata } }] };
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
export function buildDigestMessage(digest: Digest, options: DigestCardOptions & { maxBytes?: number; claimKey?: string }): ReminderMessage {
  const maxBytes = options.maxBytes ?? MAX_MESSAGE_BYTES;
  const total = SECTION_PRIORITY.reduce((n, key) => n + sectionSize(digest, key), 0);
  const render = (shown: number) => toWebhookMessage(renderDigestCard(digest, { ...options, limits: limitsFor(digest, shown) }), options.claimKey);
  const fits = (message: WebhookMessage) => messageBytes(message) <= maxBytes;

  const zero = render(0);
  const zeroBytes = messageBytes(zero);
  if (zeroBytes > maxBytes) {
    throw new Error(`The digest card for "${digest.group.name}" is ${zeroBytes} bytes even with no actions listed, over Teams' limit of ${maxBytes}. Shorten manifest/cards/digest.json.`);
  }
  // Rendering is the costly part (the templating engine parses every expression of
  // every entry), so estimate the bytes an entry costs from a small sample and jump
  // near the limit: a few renders, never one of all 2,000 entries.
  let best = { shown: 0, payload: zero };
  const sampleSize = Math.min(8, total);
  if (sampleSize > 0) {
    const sample = render(sampleSize);
    if (fits(sample)) best = { shown: sampleSize, payload: sample };
    const perEntry = Math.max(1, (messageBytes(sample) - zeroBytes) / sampleSize);
    let shown = Math.min(total, Math.floor((maxBytes - zeroBytes) / perEntry));
    for (let attempt = 0; attempt < 8 && shown > best.shown; attempt++) {
      const candidate = render(shown);
      const bytes = messageBytes(candidate);
      if (bytes <= maxBytes) {
        best = { shown, payload: candidate };
        const room = Math.floor((maxBytes - bytes) / perEntry);
        if (shown === total || room < 1) break;
        shown = Math.min(total, shown + room);
      } else {
        shown -= Math.max(1, Math.ceil((bytes - maxBytes) / perEntry));
      }
    }
  }
  const payload = best.payload;
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
