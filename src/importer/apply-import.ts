import type { NewPlanItem, PlanItem } from '../domain/plan-item';
import type { ItemChange, PlanRepository } from '../domain/ports';
import { shortText } from './field-values';
import { ownerKey } from './owners-file';
import { ImportError, type ImportWarning, type ParsedItem, type ParsedPlan } from './table';

export type ApplyOptions = {
  repository: PlanRepository;
  plan: string;
  /** Sets SteeringGroup on every imported action when given. */
  group?: string;
  /** Owner key (see `ownerKey`) → SharePoint user id, for owners that were resolved. */
  ownerIds: Map<string, number>;
};

export type ImportSummary = { added: number; updated: number; unchanged: number; warnings: ImportWarning[]; unresolvedOwners: string[] };

/** SharePoint single-line text fields hold 255 characters. */
const TEXT_MAX = 255;

/** The plan's fields of an item: what a re-import may change. Owners' fields are not among them. */
type PlanFields = Pick<NewPlanItem, 'title' | 'section' | 'actionDetails' | 'ownerText' | 'resource' | 'startDate' | 'dueDate' | 'dueText' | 'ongoing' | 'measure' | 'steeringGroup'> & { ownerId?: number | null };

/**
 * Writes a parsed plan through the repository, keyed on ActionRef: adds what is new,
 * updates only the plan's fields that changed, and never overwrites what owners entered
 * (Status, RAG, PercentComplete, LatestUpdate, CompletedDate — set only when adding).
 * Everything is checked before the first write. Re-running after a failure part-way adds
 * no duplicates, because items already written are found by their ActionRef.
 */
export async function applyImport(parsed: ParsedPlan, options: ApplyOptions): Promise<ImportSummary> {
  const warnings: ImportWarning[] = [];
  const planFields = parsed.items.map((item) => toPlanFields(item, options, warnings));
  validate(parsed.items, options.plan);

  const existing = await options.repository.findByActionRefs(options.plan, refsToLookUp(parsed.items));
  const byRef = new Map(existing.map((e) => [e.actionRef, e]));
  const refs = reconcileRefs(parsed.items, byRef);
  const adds: NewPlanItem[] = [];
  const changes: ItemChange[] = [];
  let unchanged = 0;
  parsed.items.forEach((item, i) => {
    const fields = planFields[i];
    const current = byRef.get(refs[i]);
    if (!current) {
      adds.push({ ...fields, plan: options.plan, actionRef: refs[i], steeringGroup: fields.steeringGroup ?? '', status: item.status ?? 'Not started', rag: item.rag });
      return;
    }
    const changed = changedFields(current, fields);
    if (Object.keys(changed).length) changes.push({ id: current.id, etag: current.etag, fields: changed });
    else unchanged++;
  });
  if (adds.length || changes.length) await options.repository.saveMany(adds, changes);

  const unresolved = new Set<string>();
  for (const item of parsed.items) if (item.owner && !options.ownerIds.has(ownerKey(item.owner))) unresolved.add(item.owner);
  return { added: adds.length, updated: changes.length, unchanged, warnings, unresolvedOwners: [...unresolved].sort() };
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
