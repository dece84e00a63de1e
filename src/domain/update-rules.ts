import { format, parseISO } from 'date-fns';
import { dateOfInstant, isIsoDate } from './dates';
import { RAGS, STATUSES, type IsoDateTime, type PlanItem, type StatusUpdate } from './plan-item';

/** Something wrong with an owner's update, said so the owner knows what to do. */
export type Problem = { field: 'status' | 'rag' | 'percentComplete' | 'comment' | 'dueDate'; message: string };

/** The Plan Items fields an owner's update writes (camel-cased internal names). */
export type PlanItemChanges = Partial<
  Pick<PlanItem, 'status' | 'rag' | 'percentComplete' | 'completedDate' | 'lastUpdated' | 'latestUpdate' | 'dueDate'>
>;

/** One field someone changed, for the conflict dialog ("Status: In progress → Completed"). */
export type FieldChange = { field: string; label: string; from: string; to: string };

const hasNote = (update: StatusUpdate) => update.comment.trim() !== '';

/** A revised due date is one the update names and that differs from the current one. */
const revisesDueDate = (current: PlanItem, update: StatusUpdate) => update.dueDate !== undefined && update.dueDate !== current.dueDate;

/** Checks an owner's update before it is saved; an empty list means it may be saved. */
export function validateUpdate(current: PlanItem, update: StatusUpdate): Problem[] {
  const problems: Problem[] = [];
  if (!(STATUSES as readonly string[]).includes(update.status)) {
    problems.push({ field: 'status', message: `Choose a status: ${STATUSES.join(', ')}.` });
  }
  if (update.rag !== null && !(RAGS as readonly string[]).includes(update.rag)) {
    problems.push({ field: 'rag', message: `Choose a RAG rating: ${RAGS.join(', ')}.` });
  }
  if (!Number.isInteger(update.percentComplete) || update.percentComplete < 0 || update.percentComplete > 100) {
    problems.push({ field: 'percentComplete', message: 'Enter percent complete as a whole number from 0 to 100.' });
  }
  // Only a move to Red needs explaining; re-saving an action that is already Red does not.
  if (update.rag === 'Red' && current.rag !== 'Red' && !hasNote(update)) {
    problems.push({ field: 'comment', message: 'Add a progress note explaining why this action is Red.' });
  }
  if (revisesDueDate(current, update)) {
    if (update.dueDate !== null && !isIsoDate(update.dueDate)) {
      problems.push({ field: 'dueDate', message: 'Enter the revised due date as a real date, for example 2026-12-31.' });
    }
    if (!hasNote(update)) {
      const what = update.dueDate === null ? 'removing the due date' : 'the new due date';
      problems.push({ field: 'comment', message: `Add a progress note giving the reason for ${what}.` });
    }
  }
  return problems;
}

/**
 * The Plan Items fields to write for an owner's update made at `now`:
 * - Status, RAG and PercentComplete as given, LastUpdated = `now`, LatestUpdate = the note
 *   when there is one (an empty note keeps the previous one), DueDate when revised.
 * - Completing sets PercentComplete to 100 and CompletedDate to the London date of `now`
 *   (kept when the action was already Completed). Blue means "complete" in these plans, so
 *   when the owner left RAG as it was, completing turns it Blue; a RAG the owner chose wins.
 * - Leaving Completed clears CompletedDate; a Blue left unchanged is cleared too (null,
 *   "not rated"), since a reopened action is no longer complete.
 * Call `validateUpdate` first: this does not check the update.
 */
export function applyUpdate(current: PlanItem, update: StatusUpdate, now: IsoDateTime): PlanItemChanges {
  const ragUnchanged = update.rag === current.rag;
  const changes: PlanItemChanges = {
    status: update.status,
    rag: update.rag,
    percentComplete: update.percentComplete,
    lastUpdated: now,
  };
  if (update.status === 'Completed') {
    changes.percentComplete = 100;
    if (ragUnchanged) changes.rag = 'Blue';
    changes.completedDate = current.status === 'Completed' && current.completedDate ? current.completedDate : dateOfInstant(now);
  } else if (current.status === 'Completed') {
    changes.completedDate = null;
    if (ragUnchanged && current.rag === 'Blue') changes.rag = null;
  }
  if (hasNote(update)) changes.latestUpdate = update.comment.trim();
  if (revisesDueDate(current, update)) changes.dueDate = update.dueDate ?? null;
  return changes;
}

const NONE = 'None';

const shownDate = (day: string | null) => (day && isIsoDate(day) ? format(parseISO(day), 'd MMM yyyy') : day || NONE);
const shownText = (text: string) => (text.trim() === '' ? NONE : text);

type Described = { field: string; label: string; show: (item: PlanItem) => string };

// The fields an owner or manager edits, in the order the update panel shows them.
const DESCRIBED: Described[] = [
  { field: 'title', label: 'Title', show: (i) => shownText(i.title) },
  { field: 'status', label: 'Status', show: (i) => i.status },
  { field: 'rag', label: 'RAG', show: (i) => i.rag ?? NONE },
  { field: 'percentComplete', label: 'Percent complete', show: (i) => `${i.percentComplete}%` },
  { field: 'dueDate', label: 'Due date', show: (i) => shownDate(i.dueDate) },
  { field: 'ownerText', label: 'Owner', show: (i) => shownText(i.ownerText) },
  { field: 'latestUpdate', label: 'Latest update', show: (i) => shownText(i.latestUpdate) },
];

/** What differs between two versions of an action, as a person reads it; empty when nothing does. */
export function describeChanges(before: PlanItem, after: PlanItem): FieldChange[] {
  const out: FieldChange[] = [];
  for (const { field, label, show } of DESCRIBED) {
    const from = show(before);
    const to = show(after);
    if (from !== to) out.push({ field, label, from, to });
  }
  return out;
}
