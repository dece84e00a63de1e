import type { IsoDate, IsoDateTime, PlanItem, ProgressUpdate, Rag, SteeringGroup, Status } from './plan-item';
import { daysOverdue, isDueSoon, isOpen, isOverdue, isStale } from './rules';

/** An action past its due date, with how long it has been overdue. */
export type OverdueEntry = { item: PlanItem; daysOverdue: number };

/** What an action's status and RAG were, or are. */
export type StatusAndRag = { status: Status | null; rag: Rag | null };

/** How an action moved since the group's last digest (first recorded state → latest). */
export type DigestChange = {
  item: PlanItem;
  from: StatusAndRag;
  to: StatusAndRag;
  /** Completed since the last digest. */
  completed: boolean;
  statusChanged: boolean;
  ragChanged: boolean;
  /** When the latest of the updates was made. */
  at: IsoDateTime;
};

/**
 * What one steering group is told in one digest. `overdue` lists the overdue actions
 * that are not escalated; `counts.overdue` is the total, escalated ones included.
 */
export type Digest = {
  group: SteeringGroup;
  today: IsoDate;
  escalated: OverdueEntry[];
  overdue: OverdueEntry[];
  dueSoon: PlanItem[];
  stale: PlanItem[];
  changed: DigestChange[];
  counts: { overdue: number; escalated: number; dueSoon: number; stale: number; changed: number };
};

const sameGroup = (a: string, b: string) => a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'accent' }) === 0;

const byWorstFirst = (a: OverdueEntry, b: OverdueEntry) => b.daysOverdue - a.daysOverdue || a.item.id - b.item.id;
const bySoonestDue = (a: PlanItem, b: PlanItem) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.id - b.id;
// Never updated sorts first: it has gone longest without a word from its owner.
const byOldestUpdate = (a: PlanItem, b: PlanItem) => (a.lastUpdated ?? '').localeCompare(b.lastUpdated ?? '') || a.id - b.id;

/**
 * Chooses what a steering group's digest lists, on `today`: escalated (overdue longer
 * than the group's escalation threshold), overdue, due within the group's window, stale
 * (no owner update within the group's cadence) and what changed since the last digest.
 * `items` may hold other groups' actions (they are ignored); `changes` are the Progress
 * Updates made since the group's last digest.
 */
export function selectDigest(items: PlanItem[], changes: ProgressUpdate[], group: SteeringGroup, today: IsoDate): Digest {
  const mine = items.filter((item) => sameGroup(item.steeringGroup, group.name));
  const escalated: OverdueEntry[] = [];
  const overdue: OverdueEntry[] = [];
  const dueSoon: PlanItem[] = [];
  const stale: PlanItem[] = [];
  for (const item of mine) {
    if (!isOpen(item)) continue;
    if (isOverdue(item, today)) {
      const entry = { item, daysOverdue: daysOverdue(item, today) };
      (entry.daysOverdue > group.escalationDays ? escalated : overdue).push(entry);
    } else if (isDueSoon(item, today, group.dueSoonDays)) {
      dueSoon.push(item);
    }
    if (isStale(item, today, group.updateCadenceDays)) stale.push(item);
  }
  const changed = changesSince(mine, changes);
  escalated.sort(byWorstFirst);
  overdue.sort(byWorstFirst);
  dueSoon.sort(bySoonestDue);
  stale.sort(byOldestUpdate);
  return {
    group,
    today,
    escalated,
    overdue,
    dueSoon,
    stale,
    changed,
    counts: {
      overdue: escalated.length + overdue.length,
      escalated: escalated.length,
      dueSoon: dueSoon.length,
      stale: stale.length,
      changed: changed.length,
    },
  };
}

/**
 * Net RAG and status transitions per action, from the first update's "previous" values
 * to the latest update's values; an action that went Amber → Red → Amber did not change.
 */
export function changesSince(items: PlanItem[], updates: ProgressUpdate[]): DigestChange[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const perItem = new Map<number, ProgressUpdate[]>();
  for (const update of updates) {
    if (!byId.has(update.planItemId)) continue;
    const list = perItem.get(update.planItemId) ?? [];
    list.push(update);
    perItem.set(update.planItemId, list);
  }
  const out: DigestChange[] = [];
  for (const [id, list] of perItem) {
    list.sort((a, b) => a.created.localeCompare(b.created) || a.id - b.id);
    const first = list[0];
    const last = list[list.length - 1];
    const from: StatusAndRag = { status: first.previousStatus, rag: first.previousRag };
    const to: StatusAndRag = { status: last.status, rag: last.rag };
    // Without a recorded previous value there is no transition to report for that field.
    const statusChanged = from.status !== null && from.status !== to.status;
    const ragChanged = from.rag !== null && from.rag !== to.rag;
    const completed = to.status === 'Completed' && from.status !== 'Completed';
    if (!statusChanged && !ragChanged && !completed) continue;
    out.push({ item: byId.get(id)!, from, to, completed, statusChanged, ragChanged, at: last.created });
  }
  // Newest first: the most recent movement is what a meeting asks about first.
  return out.sort((a, b) => b.at.localeCompare(a.at) || a.item.id - b.item.id);
}

/** The ids of every action a digest lists, in order of first mention, without repeats. */
export function digestItemIds(digest: Digest): number[] {
  const ids = [
    ...digest.escalated.map((e) => e.item.id),
    ...digest.overdue.map((e) => e.item.id),
    ...digest.dueSoon.map((i) => i.id),
    ...digest.stale.map((i) => i.id),
    ...digest.changed.map((c) => c.item.id),
  ];
  return [...new Set(ids)];
}
