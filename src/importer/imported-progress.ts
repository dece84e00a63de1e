import { parsePlanDate } from '../domain/plan-dates';
import { planActionKey, stableHash } from '../domain/plan-action-key';
import type { IsoDateTime } from '../domain/plan-item';
import type { ImportWarning, ParsedItem, ParsedPlan } from './table';

/** A progress note the plan gives for one action, ready to become a Progress Updates row. */
export type WantedNote = { actionRef: string; title: string; comment: string; updatedAt: IsoDateTime; importKey: string };

/** The prefix that marks an imported note in its comment, wherever the row is shown. */
export const IMPORTED_PREFIX = '[Imported from the plan] ';

/** A date a note opens with ("12/03/2024: …", "March 2024 – …"). */
const LEADING_DATE = /^\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9},? \d{4}|[A-Za-z]{3,9}\.? \d{4})\b/;

/** The date a note gives itself, as midday UTC of that day; null when it opens with none. */
export function noteDate(text: string): IsoDateTime | null {
  const match = LEADING_DATE.exec(text);
  if (!match) return null;
  // A note dated "March 2024" was written during March: its start, not its end.
  const parsed = parsePlanDate(match[1], 'start');
  return parsed.dueDate ? `${parsed.dueDate}T12:00:00Z` : null;
}

/** An item's progress-column text, where the parser found one. */
const progressTextOf = (item: ParsedItem): string => {
  const progress = (item as ParsedItem & { progress?: unknown }).progress;
  return typeof progress === 'string' ? progress.trim() : '';
};

/**
 * The plan's progress notes, each tied to one action: a progress column on the action's
 * own row, or a row of a progress table that names the action's ref or sits in a section
 * with one action. A note that cannot be tied to one action is reported, not guessed.
 * `refs` are the ActionRefs the import gave the parsed items, in the same order.
 */
export function progressUpdatesFor(parsed: ParsedPlan, refs: string[], context: { plan: string; source: string; now: IsoDateTime }): { notes: WantedNote[]; warnings: ImportWarning[] } {
  const notes: WantedNote[] = [];
  const warnings: ImportWarning[] = [];
  const add = (actionRef: string, text: string) => {
    const normalised = text.replace(/\s+/g, ' ').trim();
    notes.push({
      actionRef,
      title: `Imported from ${context.source}`,
      comment: `${IMPORTED_PREFIX}${text.trim()}`,
      updatedAt: noteDate(normalised) ?? context.now,
      importKey: `${planActionKey(context.plan, actionRef)}|${stableHash(normalised.toLowerCase())}`.slice(0, 255),
    });
  };
  parsed.items.forEach((item, i) => {
    const text = progressTextOf(item);
    if (text) add(refs[i], text);
  });
  const bySection = new Map<string, string[]>();
  parsed.items.forEach((item, i) => bySection.set(item.section, [...(bySection.get(item.section) ?? []), refs[i]]));
  const known = new Set(refs);
  for (const note of parsed.progressNotes) {
    const named = refs.filter((ref) => new RegExp(`(^|[^\\w.-])${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(note.text));
    const inSection = bySection.get(note.section) ?? [];
    const target = named.length === 1 && known.has(named[0]) ? named[0] : inSection.length === 1 ? inSection[0] : null;
    if (target) add(target, note.text);
    else warnings.push({ where: note.where, message: `A progress note could not be tied to one action (section "${note.section || 'none'}" has ${inSection.length} actions), so it was not imported: "${note.text.slice(0, 80)}". Add it as an update on its action.` });
  }
  return { notes, warnings };
}
