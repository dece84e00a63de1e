import type { PlanFilter } from '../../../domain/filter-model';

/** One filter, named as a person reads it ("RAG" — "Red or Amber"). */
export type FilterLine = { name: string; value: string };

/**
 * The filters of a view in words, for the export files and the screen: the saved view,
 * then every condition. `ownerName` turns a site user id into a name.
 */
export function describeFilter(viewTitle: string, filter: PlanFilter, ownerName: (id: number) => string): FilterLine[] {
  const lines: FilterLine[] = [{ name: 'View', value: viewTitle }];
  const add = (name: string, value: string) => lines.push({ name, value });
  if (filter.plan !== undefined) add('Plan', filter.plan);
  if (filter.ownerIsMe) add('Owner', 'Me');
  if (filter.ownerId !== undefined) add('Owner', ownerName(filter.ownerId));
  if (filter.ownerText !== undefined) add('Owner (as written)', filter.ownerText);
  if (filter.statuses?.length) add('Status', filter.statuses.join(' or '));
  if (filter.rags?.length) add('RAG', filter.rags.join(' or '));
  if (filter.section !== undefined) add('Section', filter.section);
  if (filter.steeringGroup !== undefined) add('Steering group', filter.steeringGroup);
  if (filter.dueWithinDays !== undefined) add('Due', `within ${filter.dueWithinDays} days, still open`);
  if (filter.dueFrom !== undefined) add('Due from', filter.dueFrom);
  if (filter.dueTo !== undefined) add('Due to', filter.dueTo);
  if (filter.overdue) add('Overdue', 'yes');
  if (filter.completed) add('Status', 'Completed');
  if (filter.text) add('Text contains', filter.text);
  return lines;
}
