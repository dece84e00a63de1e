import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type ExportContent } from './export-table';

/** XLSX: an "Actions" sheet with the rows and a "Filters" sheet naming every filter of the view. */
export async function toXlsx(content: ExportContent): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plan Tracker';
  workbook.title = content.title;
  workbook.description = content.filters.map((f) => `${f.name}: ${f.value}`).join('; ');
  const actions = workbook.addWorksheet('Actions', { views: [{ state: 'frozen', ySplit: 1 }] });
  actions.addRow([...EXPORT_COLUMNS]).font = { bold: true };
  // Cells are written as values (strings and numbers), so nothing from SharePoint becomes a formula.
  for (const row of content.rows) actions.addRow(row);
  actions.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const filters = workbook.addWorksheet('Filters');
  filters.addRow([content.title]).font = { bold: true };
  filters.addRow(['Filter', 'Value']).font = { bold: true };
  for (const f of content.filters) filters.addRow([f.name, f.value]);
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
