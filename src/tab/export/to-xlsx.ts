import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type ExportCell, type ExportContent } from './export-table';

/** A calendar date as the Date ExcelJS writes as an Excel date serial (UTC midnight: no zone shifts the day). */
const xlsxCell = (cell: ExportCell): string | number | Date | null =>
  cell !== null && typeof cell === 'object' ? new Date(`${cell.date}T00:00:00Z`) : cell;

/**
 * XLSX: an "Actions" sheet — header row first, frozen, with an autofilter and sized
 * columns; dates are real Excel dates shown dd/mm/yyyy — and a "Filters" sheet naming
 * every filter of the view. Cells are written as values, never formulas.
 */
export async function toXlsx(content: ExportContent): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plan Tracker';
  workbook.title = content.title;
  const actions = workbook.addWorksheet('Actions', { views: [{ state: 'frozen', ySplit: 1 }] });
  actions.columns = EXPORT_COLUMNS.map((column, index) => ({
    key: String(index),
    width: column.width,
    style: { alignment: { vertical: 'top', wrapText: column.width >= 40 } },
  }));
  const header = actions.addRow(EXPORT_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  for (const row of content.rows) {
    const added = actions.addRow(row.map(xlsxCell));
    row.forEach((cell, index) => {
      if (cell !== null && typeof cell === 'object') added.getCell(index + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  actions.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const filters = workbook.addWorksheet('Filters');
  filters.columns = [{ width: 24 }, { width: 60 }];
  filters.addRow(['Filter', 'Value']).font = { bold: true };
  for (const f of content.filters) filters.addRow([f.name, f.value]);
  filters.addRow([]);
  filters.addRow([content.title]);
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
