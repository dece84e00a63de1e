import type { PlanFilter } from './filter-model';
import { addDays } from './dates';
import type { IsoDate, PlanItem } from './plan-item';
import { isOpen } from './rules';

/** What a filter needs beyond the item: the day, and who "me" is. */
export type MatchContext = { today: IsoDate; currentUserId?: number };

const sameText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Whether an item passes a filter, evaluated in memory with the same meaning as the
 * OData and CAML forms (text compares case-insensitively, as SharePoint does). Used
 * where SharePoint offers no server-side way — free text over a list past the
 * view threshold — and by tests that check the server agrees.
 */
export function matchesFilter(item: PlanItem, filter: PlanFilter, context: MatchContext): boolean {
  const { today } = context;
  if (filter.plan !== undefined && !sameText(item.plan, filter.plan)) return false;
  if (filter.ownerId !== undefined && item.owner?.id !== filter.ownerId) return false;
  if (filter.ownerIsMe && (context.currentUserId === undefined || item.owner?.id !== context.currentUserId)) return false;
  if (filter.ownerText !== undefined && !sameText(item.ownerText, filter.ownerText)) return false;
  if (filter.statuses?.length && !filter.statuses.includes(item.status)) return false;
  if (filter.rags?.length && (item.rag === null || !filter.rags.includes(item.rag))) return false;
  if (filter.section !== undefined && !sameText(item.section, filter.section)) return false;
  if (filter.steeringGroup !== undefined && !sameText(item.steeringGroup, filter.steeringGroup)) return false;
  if (filter.dueFrom !== undefined && (item.dueDate === null || item.dueDate < filter.dueFrom)) return false;
  if (filter.dueTo !== undefined && (item.dueDate === null || item.dueDate > filter.dueTo)) return false;
  if (filter.dueWithinDays !== undefined) {
    if (item.dueDate === null || !isOpen(item)) return false;
    if (item.dueDate < today || item.dueDate > addDays(today, filter.dueWithinDays)) return false;
  }
  if (filter.overdue && (item.dueDate === null || item.dueDate >= today || !isOpen(item))) return false;
  if (filter.completed && item.status !== 'Completed') return false;
  if (filter.lastUpdatedBefore !== undefined && item.lastUpdated !== null && Date.parse(item.lastUpdated) >= Date.parse(filter.lastUpdatedBefore)) return false;
  if (filter.lastUpdatedFrom !== undefined && (item.lastUpdated === null || Date.parse(item.lastUpdated) < Date.parse(filter.lastUpdatedFrom))) return false;
  if (filter.text) {
    const needle = filter.text.toLocaleLowerCase();
    const hay = [item.title, item.actionDetails, item.actionRef, item.ownerText];
    if (!hay.some((h) => h.toLocaleLowerCase().includes(needle))) return false;
  }
  return true;
}
