import * as ACData from 'adaptivecards-templating';
import type { Digest, DigestChange, OverdueEntry } from '../domain/digest';
import type { PlanItem, Rag } from '../domain/plan-item';
import digestTemplate from '../../manifest/cards/digest.json';
import { days, formatDate, mentionName, plainText } from './card-text';
import type { DigestLinks } from './digest-links';

/** An Adaptive Card as JSON. */
export type AdaptiveCardJson = Record<string, unknown>;

/** A mention entity, as Teams expects it in `msteams.entities`. */
export type MentionEntity = { type: 'mention'; text: string; mentioned: { id: string; name: string } };

/** How many entries of each section the card shows (the rest are "and N more"). */
export type SectionLimits = Record<SectionKey, number>;

export type SectionKey = 'escalated' | 'overdue' | 'dueSoon' | 'stale' | 'changed';

/** The order in which entries are dropped last-first when a card is too big: worst first. */
export const SECTION_PRIORITY: SectionKey[] = ['escalated', 'overdue', 'dueSoon', 'changed', 'stale'];

export type DigestCardOptions = {
  links: DigestLinks;
  /** When changes are counted from (the last digest sent), for the subheading. */
  since?: string | null;
  /** Show at most this many entries per section (default: all). */
  limits?: Partial<SectionLimits>;
  /** An admin's customised template (default: manifest/cards/digest.json). */
  template?: object;
};

const RAG_COLOR: Record<Rag, string> = { Red: 'Attention', Amber: 'Warning', Green: 'Good', Blue: 'Accent' };

type ItemData = { title: string; mention: string; owner: string; meta: string; rag: string; ragColor: string; url: string };

/** Everything in a section that the template needs. */
type SectionData = { heading: string; color: string; items: ItemData[]; more: number; moreText: string; moreUrl: string };

/** The total number of entries in a digest section. */
export function sectionSize(digest: Digest, key: SectionKey): number {
  return digest[key].length;
}

/**
 * Renders a digest as an Adaptive Card 1.4 from the template, with owners mentioned
 * where their email is known. Every value from the plan is passed as plain text.
 */
export function renderDigestCard(digest: Digest, options: DigestCardOptions): AdaptiveCardJson {
  const mentions = new MentionBook();
  const limit = (key: SectionKey) => Math.min(options.limits?.[key] ?? Infinity, sectionSize(digest, key));
  const { links } = options;
  const group = digest.group;
  const itemData = (item: PlanItem, meta: string): ItemData => {
    const mention = mentions.mentionFor(item);
    return {
      title: plainText(item.title || item.actionRef || `Action ${item.id}`),
      mention,
      owner: plainText(item.owner?.title || item.ownerText || 'no owner recorded'),
      meta,
      rag: item.rag ?? '',
      ragColor: item.rag ? RAG_COLOR[item.rag] : 'Default',
      url: links.item(item.id),
    };
  };
  const overdueMeta = (entry: OverdueEntry) => `Due ${formatDate(entry.item.dueDate!)} · ${days(entry.daysOverdue)} overdue`;
  const section = <T,>(key: SectionKey, heading: string, color: string, entries: T[], toItem: (entry: T) => ItemData, moreUrl: string): SectionData | null => {
    if (entries.length === 0) return null;
    const shown = limit(key);
    const more = entries.length - shown;
    return {
      heading: `${heading} (${entries.length})`,
      color,
      items: entries.slice(0, shown).map(toItem),
      more,
      moreText: `and ${more} more`,
      moreUrl,
    };
  };
  const sections = [
    section('escalated', `Escalated: overdue more than ${days(group.escalationDays)}`, 'Attention', digest.escalated, (e) => itemData(e.item, overdueMeta(e)), links.overdueView),
    section('overdue', 'Overdue', 'Attention', digest.overdue, (e) => itemData(e.item, overdueMeta(e)), links.overdueView),
    section('dueSoon', `Due in the next ${days(group.dueSoonDays)}`, 'Warning', digest.dueSoon, (i) => itemData(i, dueMeta(i)), links.tab),
    section('stale', `No update for ${days(group.updateCadenceDays)}`, 'Default', digest.stale, (i) => itemData(i, staleMeta(i)), links.tab),
    section('changed', 'Changed since the last digest', 'Accent', digest.changed, (c) => itemData(c.item, changeMeta(c)), links.tab),
  ].filter((s): s is SectionData => s !== null);

  const data = {
    heading: plainText(`Plan digest: ${group.name}`),
    subheading: options.since ? `${formatDate(digest.today)} · changes since ${formatDate(options.since)}` : formatDate(digest.today),
    counts: [
      { value: String(digest.counts.overdue), label: digest.counts.escalated ? `Overdue (${digest.counts.escalated} escalated)` : 'Overdue', color: digest.counts.overdue ? 'Attention' : 'Default' },
      { value: String(digest.counts.dueSoon), label: `Due in ${days(group.dueSoonDays)}`, color: digest.counts.dueSoon ? 'Warning' : 'Default' },
      { value: String(digest.counts.stale), label: 'No update', color: 'Default' },
    ],
    empty: sections.length === 0,
    sections,
    tabUrl: links.tab,
    overdueViewUrl: links.overdueView,
    mentions: mentions.entities().map((e) => ({ text: e.text, id: e.mentioned.id, name: e.mentioned.name })),
  };
  return preparedTemplate(options.template ?? digestTemplate).expand({ $root: data }) as AdaptiveCardJson;
}

// A Template parses all its expressions when constructed and can then be expanded
// with any data: prepare each template once, not on every render.
const prepared = new WeakMap<object, ACData.Template>();
function preparedTemplate(template: object): ACData.Template {
  let ready = prepared.get(template);
  if (!ready) {
    ready = new ACData.Template(template);
    prepared.set(template, ready);
  }
  return ready;
}

function dueMeta(item: PlanItem): string {
  return `Due ${formatDate(item.dueDate!)}`;
}

function staleMeta(item: PlanItem): string {
  const updated = item.lastUpdated ? `Last update ${formatDate(item.lastUpdated)}` : 'Never updated';
  return item.dueDate ? `${updated} · due ${formatDate(item.dueDate)}` : updated;
}

function changeMeta(change: DigestChange): string {
  const parts: string[] = [];
  if (change.completed) parts.push('Completed');
  else if (change.statusChanged) parts.push(`Status ${change.from.status} → ${change.to.status}`);
  if (change.ragChanged) parts.push(`RAG was ${change.from.rag ?? 'none'}`);
  parts.push(`updated ${formatDate(change.at)}`);
  return parts.join(' · ');
}

/**
 * Mentions for owners whose UPN (or, failing that, e-mail) is known. One entity per person; a second person whose
 * cleaned name would read the same is shown as text, so every `<at>` text names one person.
 */
class MentionBook {
  private readonly byEmail = new Map<string, MentionEntity>();
  private readonly takenTexts = new Map<string, string>();

  mentionFor(item: PlanItem): string {
    // Teams resolves a mention by UPN (or Entra object id); the SharePoint e-mail is only a fallback, for owners read without their login name.
    const email = item.owner?.upn?.trim() || item.owner?.email?.trim();
    const name = mentionName(item.owner?.title ?? '');
    if (!email || !name) return '';
    const key = email.toLowerCase();
    const existing = this.byEmail.get(key);
    if (existing) return existing.text;
    const text = `<at>${name}</at>`;
    if (this.takenTexts.has(text)) return '';
    this.takenTexts.set(text, key);
    this.byEmail.set(key, { type: 'mention', text, mentioned: { id: email, name } });
    return text;
  }

  entities(): MentionEntity[] {
    return [...this.byEmail.values()];
  }
}
