import type { PlanItem } from '../../domain/plan-item';
import type { FilterLine } from '../pages/plan/describe-filter';

/** The columns of an export, in order (one row per action). */
export const EXPORT_COLUMNS = [
  'ID', 'Ref', 'Title', 'Section', 'Owner', 'Due date', 'Due (as written)', 'Status', 'RAG', '% complete',
  'Last updated', 'Latest update', 'Steering group', 'Plan',
] as const;

/** One exported row: text and numbers, never markup. */
export type ExportRow = (string | number)[];

/** What an export holds: the filters that made the view and its rows, in the view's order. */
export type ExportContent = { title: string; filters: FilterLine[]; rows: ExportRow[] };

/** An action as an export row (dates ISO, so spreadsheets sort them). */
export function toExportRow(item: PlanItem): ExportRow {
  return [
    item.id, item.actionRef, item.title, item.section, item.ownerText || item.owner?.title || '', item.dueDate ?? '', item.dueText,
    item.status, item.rag ?? '', item.percentComplete, item.lastUpdated ?? '', item.latestUpdate, item.steeringGroup, item.plan,
  ];
}

/** The export of a view's rows with its filters named. */
export function exportContent(items: readonly PlanItem[], filters: FilterLine[], exportedAt: string): ExportContent {
  return { title: `Plan Tracker export, ${exportedAt}`, filters, rows: items.map(toExportRow) };
}

/** A file name such as `plan-overdue-2026-11-24.csv`. */
export function exportFileName(viewTitle: string, day: string, extension: 'csv' | 'xlsx'): string {
  const slug = viewTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'view';
  return `plan-${slug}-${day}.${extension}`;
}
