import ExcelJS from 'exceljs';
import { ImportError, type Table, type TableRow } from '../table';
import { assertXmlDepth, readZipParts } from './read-zip';

type CellLike = { value: unknown; isMerged: boolean; master: { col: number; row: number }; col: number; row: number };

/** A cell value as the text a person sees; dates as yyyy-mm-dd. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return valueText(v.text);
    if (v.result !== undefined) return valueText(v.result);
    if (v.error) return '';
  }
  return String(value);
}

/**
 * An `.xlsx` workbook → one table per sheet, in order. A cell merged across columns keeps
 * its text in the first column only (a heading spanning the row is still one heading); a
 * cell merged down rows repeats its text in every row (an owner shared by several actions).
 */
export async function readXlsx(bytes: Uint8Array, source: string): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  // Every part is inflated here first, under the size limits, so exceljs never meets a zip
  // bomb; the XML parts it will parse are checked for nesting depth.
  const xmlParts = readZipParts(bytes, source, (name) => name.endsWith('.xml'), { kind: 'Excel workbook', app: 'Excel as .xlsx' });
  for (const [name, part] of xmlParts) assertXmlDepth(part, source, name);
  const isWorkbook = xmlParts.has('xl/workbook.xml');
  xmlParts.clear();
  try {
    // exceljs accepts any zip and yields an empty workbook; a real one has xl/workbook.xml.
    if (!isWorkbook) throw new Error('it has no xl/workbook.xml');
    // exceljs wants an ArrayBuffer-backed buffer; copy so a view into a larger buffer is safe.
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch (error) {
    throw new ImportError(`${source} is not a readable Excel workbook (${(error as Error).message}). Save it again from Excel as .xlsx, or export it as .csv.`);
  }
  const tables: Table[] = [];
  workbook.eachSheet((sheet) => {
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let col = 1; col <= row.cellCount; col++) {
        const cell = row.getCell(col) as unknown as CellLike;
        const fromOtherColumn = cell.isMerged && cell.master.col !== cell.col;
        cells.push(fromOtherColumn ? '' : valueText(cell.value).trim());
      }
      if (cells.some(Boolean)) rows.push({ cells, where: `${source} sheet '${sheet.name}' row ${rowNumber}`, kind: 'row' });
    });
    tables.push({ source: `${source} sheet '${sheet.name}'`, rows });
  });
  return tables;
}
