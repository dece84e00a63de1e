import Papa from 'papaparse';
import { formatUkDate } from '../../domain/uk-dates';
import { EXPORT_COLUMNS, type ExportCell, type ExportContent } from './export-table';

const csvCell = (cell: ExportCell): string | number => {
  if (cell === null) return '';
  if (typeof cell === 'object') return formatUkDate(cell.date);
  return cell;
};

/**
 * CSV: the header row first, then one row per action; dates dd/mm/yyyy. The filters are not
 * written (a line above the header breaks sorting and importing); the XLSX names them.
 * Text cells arrive neutralised against formula injection (see export-table).
 */
export function toCsv(content: ExportContent): string {
  const table = [EXPORT_COLUMNS.map((c) => c.header), ...content.rows.map((row) => row.map(csvCell))];
  // A BOM so Excel reads the file as UTF-8 (names with accents, "£").
  return `\uFEFF${Papa.unparse(table, { newline: '\r\n' })}\r\n`;
}
