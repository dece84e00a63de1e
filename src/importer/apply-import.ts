import type { IsoDateTime, NewPlanItem, PlanItem } from '../domain/plan-item';
import type { ItemChange, PlanRepository } from '../domain/ports';
import { shortText } from './field-values';
import { isImportStore, type ImportStore, type StoredAction } from './import-store';
import { ownerKey } from './owners-file';
import { progressUpdatesFor } from './imported-progress';
import { ImportError, type ImportWarning, type ParsedItem, type ParsedPlan } from './table';

export type ApplyOptions = {
  repository: PlanRepository;
  /** Duplicate repair, history checks and imported progress notes; defaults to the repository when it is one (SharePointPlanRepository is). */
  store?: ImportStore;
  plan: string;
  /** Sets SteeringGroup on every imported action when given. */
  group?: string;
  /** Owner key (see `ownerKey`) → SharePoint user id, for owners that were resolved. */
  ownerIds: Map<string, number>;
  /** The file's name, shown on imported progress notes ("Imported from plan.docx"). */
  source?: string;
  /** When the import runs: the date of progress notes the plan does not date. */
  now?: IsoDateTime;
};

export type ImportSummary = {
  added: number;
  updated: number;
  unchanged: number;
  warnings: ImportWarning[];
  unresolvedOwners: string[];
  /** Bare duplicates (same plan and ActionRef, no history) moved to the recycle bin. */
  repaired: number;
  /** Adds SharePoint refused because another import added the same action first; they were updated instead. */
  collisions: number;
  /** Progress notes from the plan written as Progress Updates rows (new ones only). */
  progressNotes: number;
};

/** Rounds of read-then-write when another import writes the same actions at the same time. */
const MAX_ROUNDS = 4;

/** SharePoint single-line text fields hold 255 characters. */
const TEXT_MAX = 255;

/** The plan's fields of an item: what a re-import may change. Owners' fields are not among them. */
type PlanFields = Pick<NewPlanItem, 'title' | 'section' | 'actionDetails' | 'ownerText' | 'resource' | 'startDate' | 'dueDate' | 'dueText' | 'ongoing' | 'measure' | 'steeringGroup'> & { ownerId?: number | null };

/**
 * Writes a parsed plan through the repository, keyed on ActionRef: adds what is new,
 * updates only the plan's fields that changed, and never overwrites what owners entered
 * (Status, RAG, PercentComplete, LatestUpdate, CompletedDate — set only when adding).
 * Everything is checked before the first write. Every add carries the unique
 * PlanActionKey, so when another import adds the same action first SharePoint refuses
 * ours; the import then reads again and updates instead. Duplicates left by versions
 * before the key existed are repaired (the copy with history kept, bare copies recycled).
 */
export async function applyImport(parsed: ParsedPlan, options: ApplyOptions): Promise<ImportSummary> {
  const warnings: ImportWarning[] = [];
  const planFields = parsed.items.map((item) => toPlanFields(item, options, warnings));
  validate(parsed.items, options.plan);
  const store = options.store ?? (isImportStore(options.repository) ? options.repository : null);
  if (!store) throw new Error('applyImport needs an ImportStore: pass `store`, or a repository that is one.');

  let added = 0;
  let collisions = 0;
  let repaired = 0;
  for (let round = 1; ; round++) {
    const stored = await store.findActions(options.plan, refsToLookUp(parsed.items));
    const settled = await settleDuplicates(stored, store, warnings);
    if (settled.recycle.length) {
      await store.recycle(settled.recycle);
      repaired += settled.recycle.length;
      warnings.push({ where: options.plan, message: `Removed ${settled.recycle.length} duplicate action(s) left by an earlier import (kept the copy with history; the others are in the site's recycle bin).` });
    }
    const byRef = new Map([...settled.keep].map(([ref, s]) => [ref, s.item]));
    const refs = reconcileRefs(parsed.items, byRef);
    const adds: NewPlanItem[] = [];
    const changes: ItemChange[] = [];
    let unchanged = 0;
    parsed.items.forEach((item, i) => {
      const fields = planFields[i];
      const current = settled.keep.get(refs[i]);
      if (!current) {
        adds.push({ ...fields, plan: options.plan, actionRef: refs[i], steeringGroup: fields.steeringGroup ?? '', status: item.status ?? 'Not started', rag: item.rag });
        return;
      }
      const changed = changedFields(current.item, fields);
      // An item written before PlanActionKey existed gets its key now (plan and ref carry it).
      if (!current.keyed) Object.assign(changed, { plan: options.plan, actionRef: current.item.actionRef });
      if (Object.keys(changed).length) changes.push({ id: current.item.id, etag: current.item.etag, fields: changed });
      else unchanged++;
    });
    try {
      if (adds.length || changes.length) await options.repository.saveMany(adds, changes);
      added += adds.length;
      const summary = { added, updated: changes.length, unchanged: Math.max(0, unchanged - (added - adds.length)), warnings, repaired, collisions, progressNotes: 0, unresolvedOwners: unresolvedOwners(parsed, options) };
      summary.progressNotes = await writeProgressNotes(parsed, refs, { ...options, store }, warnings);
      return summary;
    } catch (error) {
      const refused = store.collisionsOf(error);
      if (!refused || round >= MAX_ROUNDS) throw error;
      // Someone else wrote these actions between our read and our write: read again.
      const refusedAdds = refused.filter((i) => i < adds.length).length;
      added += adds.length - refusedAdds;
      collisions += refusedAdds;
    }
  }
}

function unresolvedOwners(parsed: ParsedPlan, options: ApplyOptions): string[] {
  const unresolved = new Set<string>();
  for (const item of parsed.items) if (item.owner && !options.ownerIds.has(ownerKey(item.owner))) unresolved.add(item.owner);
  return [...unresolved].sort();
}

/** What an owner has done to an item: worth keeping over a bare copy. */
const ownerTouched = (item: PlanItem) => item.status !== 'Not started' || item.percentComplete > 0 || item.latestUpdate !== '' || item.lastUpdated !== null;

/**
 * Several stored items with one ActionRef (left by imports before PlanActionKey): keep the
 * one with history, else the one an owner touched, else the keyed one, else the oldest;
 * recycle the bare others; leave (and report) others that carry history of their own.
 */
async function settleDuplicates(stored: StoredAction[], store: ImportStore, warnings: ImportWarning[]): Promise<{ keep: Map<string, StoredAction>; recycle: number[] }> {
  const groups = new Map<string, StoredAction[]>();
  for (const s of stored) groups.set(s.item.actionRef, [...(groups.get(s.item.actionRef) ?? []), s]);
  const duplicated = [...groups.values()].filter((g) => g.length > 1);
  const keep = new Map<string, StoredAction>();
  const recycle: number[] = [];
  const withHistory = duplicated.length ? await store.idsWithHistory(duplicated.flat().map((s) => s.item.id)) : new Set<number>();
  for (const [ref, group] of groups) {
    const rank = (s: StoredAction) => [withHistory.has(s.item.id) ? 1 : 0, ownerTouched(s.item) ? 1 : 0, s.keyed ? 1 : 0, -s.item.id];
    const sorted = [...group].sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      const i = ra.findIndex((v, k) => v !== rb[k]);
      return i < 0 ? 0 : rb[i] - ra[i];
    });
    keep.set(ref, sorted[0]);
    const kept: number[] = [];
    for (const other of sorted.slice(1)) {
      if (withHistory.has(other.item.id) || ownerTouched(other.item)) kept.push(other.item.id);
      else recycle.push(other.item.id);
    }
    if (kept.length) warnings.push({ where: ref, message: `Action ${ref} is stored ${kept.length + 1} times, each with owners' updates (items ${[sorted[0].item.id, ...kept].join(', ')}). Item ${sorted[0].item.id} is kept up to date; merge the others by hand and delete them.` });
  }
  return { keep, recycle };
}

/** Writes the plan's progress notes that are not stored yet; returns how many were written. */
async function writeProgressNotes(parsed: ParsedPlan, refs: string[], options: ApplyOptions & { store: ImportStore }, warnings: ImportWarning[]): Promise<number> {
  const wanted = progressUpdatesFor(parsed, refs, { plan: options.plan, source: options.source ?? parsed.plan, now: options.now ?? new Date().toISOString() });
  warnings.push(...wanted.warnings);
  if (!wanted.notes.length) return 0;
  const existing = await options.store.existingImportKeys(wanted.notes.map((n) => n.importKey));
  const fresh = wanted.notes.filter((n) => !existing.has(n.importKey));
  if (!fresh.length) return 0;
  const items = await options.store.findActions(options.plan, [...new Set(fresh.map((n) => n.actionRef))]);
  const byRef = new Map(items.map((s) => [s.item.actionRef, s.item]));
  const updates = fresh.flatMap((n) => {
    const item = byRef.get(n.actionRef);
    if (!item) return [];
    return [{ planItemId: item.id, title: n.title, comment: n.comment, status: item.status, rag: item.rag, percentComplete: item.percentComplete, updatedAt: n.updatedAt, importKey: n.importKey }];
  });
  await options.store.addImportedUpdates(updates);
  return updates.length;
}

function fitText(text: string, field: string, item: ParsedItem, warnings: ImportWarning[]): string {
  if (text.length <= TEXT_MAX) return text;
  warnings.push({ where: item.where, message: `${field} is longer than SharePoint's ${TEXT_MAX} characters; shortened.` });
  return shortText(text.replace(/\s+/g, ' '), TEXT_MAX);
}

function toPlanFields(item: ParsedItem, options: ApplyOptions, warnings: ImportWarning[]): PlanFields & { steeringGroup: string } {
  const ownerId = item.owner ? options.ownerIds.get(ownerKey(item.owner)) : undefined;
  const fields: PlanFields & { steeringGroup: string } = {
    title: fitText(item.title, 'Title', item, warnings),
    section: fitText(item.section, 'Section', item, warnings),
    // Evidence/background from the same row stays with the action, after it.
    actionDetails: item.context ? `${item.action}\n\nEvidence: ${item.context}` : item.action,
    ownerText: fitText(item.owner, 'Owner', item, warnings),
    resource: fitText(item.resource, 'Resource', item, warnings),
    startDate: item.startDate,
    dueDate: item.dueDate,
    dueText: fitText(item.dueText, 'Due date text', item, warnings),
    ongoing: item.ongoing,
    measure: item.measure,
    steeringGroup: options.group ?? '',
  };
  if (ownerId !== undefined) fields.ownerId = ownerId;
  return fields;
}

/** Checks every item before anything is written; one bad item stops the whole import. */
function validate(items: ParsedItem[], plan: string): void {
  const problems: string[] = [];
  if (!plan.trim()) problems.push('the plan has no name (give --plan)');
  const seen = new Set<string>();
  for (const item of items) {
    if (!item.action.trim()) problems.push(`${item.where}: no action text`);
    if (!item.actionRef || item.actionRef.length > TEXT_MAX) problems.push(`${item.where}: no usable ActionRef`);
    if (seen.has(item.actionRef)) problems.push(`${item.where}: ActionRef ${item.actionRef} is used twice`);
    seen.add(item.actionRef);
    for (const d of [item.dueDate, item.startDate]) if (d !== null && !/^\d{4}-\d{2}-\d{2}$/.test(d)) problems.push(`${item.where}: bad date ${d}`);
  }
  if (problems.length) throw new ImportError(`Nothing was imported: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}.`);
}

/** The plan fields whose values differ from the item as it is now. */
function changedFields(current: PlanItem, fields: PlanFields & { steeringGroup: string }): Partial<NewPlanItem> {
  const changed: Partial<NewPlanItem> = {};
  const compare = <K extends keyof PlanFields & keyof PlanItem>(key: K) => {
    if ((current[key] ?? null) !== (fields[key] ?? null)) (changed as Record<string, unknown>)[key] = fields[key];
  };
  (['title', 'section', 'actionDetails', 'ownerText', 'resource', 'startDate', 'measure'] as const).forEach(compare);
  // The due date follows the plan only when the plan's own date text changed: an owner may
  // have revised DueDate since (a StatusUpdate with a reason), and that must stand.
  if (current.dueText !== fields.dueText) (['dueText', 'dueDate', 'ongoing'] as const).forEach(compare);
  // SteeringGroup is changed only when --group is given; a re-import without it keeps the group.
  if (fields.steeringGroup && fields.steeringGroup !== current.steeringGroup) changed.steeringGroup = fields.steeringGroup;
  if (fields.ownerId !== undefined && fields.ownerId !== (current.owner?.id ?? null)) changed.ownerId = fields.ownerId;
  return changed;
}

const sectionKeyOf = (ref: string) => ref.replace(/-\d+$/, '');
const normalised = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
/** How far past a section's last position to look for items a previous import numbered. */
const POSITION_SLACK = 10;

/** The refs of the plan's items, and every position of their sections an earlier import may have used. */
function refsToLookUp(items: ParsedItem[]): string[] {
  const refs = new Set(items.map((i) => i.actionRef));
  const perSection = new Map<string, number>();
  for (const i of items) if (i.refKind === 'position') perSection.set(sectionKeyOf(i.actionRef), (perSection.get(sectionKeyOf(i.actionRef)) ?? 0) + 1);
  for (const [key, count] of perSection) for (let n = 1; n <= count + POSITION_SLACK; n++) refs.add(`${key}-${n}`);
  return [...refs];
}

/**
 * Position-derived refs move when a row is inserted above an action in its section. So an
 * action whose text is unchanged keeps the ref the stored item has; an action that is new
 * takes its position's ref only if no stored item still claims it, else the next free one.
 * Refs the plan writes itself are used as they are.
 */
function reconcileRefs(items: ParsedItem[], byRef: Map<string, PlanItem>): string[] {
  const byText = new Map<string, string>();
  for (const [ref, item] of byRef) byText.set(`${sectionKeyOf(ref)}|${normalised(item.actionDetails.split('\n\nEvidence: ')[0])}`, ref);
  const refs: (string | null)[] = items.map(() => null);
  const taken = new Set<string>(items.filter((i) => i.refKind === 'plan').map((i) => i.actionRef));
  items.forEach((item, i) => {
    if (item.refKind === 'plan') refs[i] = item.actionRef;
    else {
      const match = byText.get(`${sectionKeyOf(item.actionRef)}|${normalised(item.action)}`);
      if (match && !taken.has(match)) {
        refs[i] = match;
        taken.add(match);
      }
    }
  });
  // An action that matched no stored text keeps its position's ref (an edit in place) unless
  // a matched action already holds it; then it takes the next ref no stored item uses.
  items.forEach((item, i) => {
    if (refs[i]) return;
    let ref = item.actionRef;
    if (taken.has(ref)) {
      const key = sectionKeyOf(ref);
      let n = 1;
      while (taken.has(`${key}-${n}`) || byRef.has(`${key}-${n}`)) n++;
      ref = `${key}-${n}`;
    }
    refs[i] = ref;
    taken.add(ref);
  });
  return refs as string[];
}
