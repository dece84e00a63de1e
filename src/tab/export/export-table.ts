import type { IsoDate, PlanItem } from '../../domain/plan-item';
import type { FilterLine } from '../pages/plan/describe-filter';
import { neutraliseFormula } from './neutralise-formula';

/** A date cell: kept a calendar date so XLSX writes a real Excel date and CSV writes dd/mm/yyyy. */
export type DateCell = { date: IsoDate };

/** One exported cell: text, a number, a date or empty. Never markup, never a formula. */
export type ExportCell = string | number | DateCell | null;

/** One export column: its heading, its width in characters and how an action fills it. */
export type ExportColumn = { header: string; width: number; value(item: PlanItem): ExportCell };

const date = (value: IsoDate | null): ExportCell => (value ? { date: value.slice(0, 10) } : null);

/** The columns of an export, in order (one row per action); plan and owner each have their own. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Plan', width: 24, value: (i) => i.plan },
  { header: 'Ref', width: 10, value: (i) => i.actionRef },
  { header: 'Section', width: 28, value: (i) => i.section },
  { header: 'Title', width: 40, value: (i) => i.title },
  // The full action text: the title is cut to SharePoint's 255 characters, this never is.
  { header: 'Action', width: 60, value: (i) => i.actionDetails || i.title },
  { header: 'Owner', width: 28, value: (i) => i.ownerText || i.owner?.title || '' },
  { header: 'Owner (site user)', width: 24, value: (i) => i.owner?.title ?? '' },
  { header: 'Start date', width: 12, value: (i) => date(i.startDate) },
  { header: 'Due date', width: 12, value: (i) => date(i.dueDate) },
  { header: 'Due (as written)', width: 18, value: (i) => i.dueText },
  { header: 'Status', width: 14, value: (i) => i.status },
  { header: 'RAG', width: 8, value: (i) => i.rag ?? '' },
  { header: '% complete', width: 11, value: (i) => i.percentComplete },
  { header: 'Last updated', width: 12, value: (i) => date(i.lastUpdated) },
  { header: 'Latest update', width: 50, value: (i) => i.latestUpdate },
  { header: 'Measure', width: 40, value: (i) => i.measure },
  { header: 'Resource', width: 20, value: (i) => i.resource },
  { header: 'Steering group', width: 22, value: (i) => i.steeringGroup },
  { header: 'ID', width: 8, value: (i) => i.id },
];

/** What an export holds: the filters that made the view and its rows, in the view's order. */
export type ExportContent = { title: string; filters: FilterLine[]; rows: ExportCell[][] };

/** An action as an export row; text cells are already neutralised against formula injection. */
export function toExportRow(item: PlanItem): ExportCell[] {
  return EXPORT_COLUMNS.map((column) => {
    const cell = column.value(item);
    return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
  });
}

/** The export of a view's rows with its filters named (filter values are neutralised too). */
export function exportContent(items: readonly PlanItem[], filters: FilterLine[], exportedAt: string): ExportContent {
  const safeFilters = filters.map((f) => ({ name: neutraliseFormula(f.name), value: neutraliseFormula(f.value) }));
  return { title: `Plan Tracker export, ${exportedAt}`, filters: safeFilters, rows: items.map(toExportRow) };
}

/** A file name such as `plan-overdue-2026-11-24.csv`. */
export function exportFileName(viewTitle: string, day: string, extension: 'csv' | 'xlsx'): string {
  const slug = viewTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'view';
  return `plan-${slug}-${day}.${extension}`;
}
