import type { PlanItem } from '../../domain/plan-item';
import type { FilterLine } from '../pages/plan/describe-filter';
import { exportContent, exportFileName } from './export-table';
import { toCsv } from './to-csv';

/** The formats the plan view exports. */
export type ExportFormat = 'csv' | 'xlsx';

/** What to export: the view's rows, its filters and its name. */
export type ExportRequest = { format: ExportFormat; items: readonly PlanItem[]; filters: FilterLine[]; viewTitle: string; today: string };

/**
 * Builds the file and hands it to the browser as a download. This module (and ExcelJS,
 * loaded only for XLSX) is imported when the user first exports, not with the page.
 */
export async function downloadExport(request: ExportRequest): Promise<string> {
  const content = exportContent(request.items, request.filters, request.today);
  const fileName = exportFileName(request.viewTitle, request.today, request.format);
  const blob = request.format === 'csv'
    ? new Blob([toCsv(content)], { type: 'text/csv;charset=utf-8' })
    : new Blob([await (await import('./to-xlsx')).toXlsx(content)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser a moment to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
