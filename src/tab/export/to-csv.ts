import Papa from 'papaparse';
import { EXPORT_COLUMNS, type ExportContent } from './export-table';

/**
 * CSV: the title and one `Filter,<name>,<value>` line per filter first, a blank line,
 * then the column header and the rows. Cells that start with `=`, `+`, `-` or `@` are
 * prefixed with `'` so a spreadsheet never runs a value from SharePoint as a formula.
 */
export function toCsv(content: ExportContent): string {
  const safe = (cell: string | number) => (typeof cell === 'string' && /^[=+\-@]/.test(cell) ? `'${cell}` : cell);
  const preamble = [[content.title], ...content.filters.map((f) => ['Filter', f.name, f.value]), []];
  const table = [[...EXPORT_COLUMNS], ...content.rows.map((row) => row.map(safe))];
  // A BOM so Excel reads the file as UTF-8 (names with accents, "£").
  return `\uFEFF${Papa.unparse([...preamble, ...table], { newline: '\r\n' })}\r\n`;
}
