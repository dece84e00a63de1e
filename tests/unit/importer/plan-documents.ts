import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { cleanCell } from '../../../src/importer/cell-text';
import { matchHeader, roleOfHeader } from '../../../src/importer/column-roles';
import { alignCells } from '../../../src/importer/plan-structure';
import { readTabText } from '../../../src/importer/readers/read-text';
import { regroupCells } from '../../../src/importer/regroup-cells';
import type { ColumnRole, ParsedItem } from '../../../src/importer/table';
import { planBytes } from './plan-fixtures';

/**
 * Builders of other document formats holding the same plan as a sample .txt, so tests can
 * check the importer reads them to the same actions. Rows are the plan's rows; headers
 * get other wording and the columns another order.
 */
export type Block = { kind: 'text'; text: string } | { kind: 'table'; header: string[]; rows: string[][]; continued?: boolean };

const OTHER_WORDING: Partial<Record<ColumnRole, string>> = {
  action: 'What we will do',
  owner: 'Lead officer',
  due: 'Target completion date',
  start: 'Start',
  resource: 'Budget',
  rag: 'RAG rating',
  context: 'Current position (evidence)',
};

/** The sample plan as text blocks and tables, each table with its header and aligned rows. */
export function planBlocks(name: string): Block[] {
  const text = new TextDecoder().decode(planBytes(name));
  const table = readTabText(text, name);
  const rows = table.rows.some((r) => r.kind === 'cell') ? regroupCells(table.rows) : table.rows;
  const blocks: Block[] = [];
  let current: Extract<Block, { kind: 'table' }> | null = null;
  for (const row of rows) {
    const cells = row.cells.map(cleanCell);
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    if (!cells.length) continue;
    const header = matchHeader(cells);
    if (header) {
      current = { kind: 'table', header: cells, rows: [] };
      blocks.push(current);
    } else if (!current || row.kind === 'paragraph') {
      blocks.push({ kind: 'text', text: cells.filter(Boolean).join(' ') });
    } else {
      if (blocks[blocks.length - 1] !== current) {
        // Rows after text that sat between them: the same table goes on.
        current = { kind: 'table', header: current.header, rows: [], continued: true };
        blocks.push(current);
      }
      current.rows.push(alignCells(cells, header ?? matchHeader(current.header)!.mapping).slice(0, current.header.length));
    }
  }
  return blocks;
}

/** Reorders columns (`order[i]` = which original column goes to position i) and rewords the header. */
export function reshape(blocks: Block[], order: (width: number) => number[]): Block[] {
  return blocks.map((b) => {
    if (b.kind === 'text') return b;
    const o = order(b.header.length);
    const header = o.map((i) => OTHER_WORDING[roleOfHeader(b.header[i]) ?? 'ignore'] ?? b.header[i]);
    return { kind: 'table', header, rows: b.rows.map((r) => o.map((i) => r[i] ?? '')), continued: b.continued };
  });
}

export const reversed = (width: number) => Array.from({ length: width }, (_, i) => width - 1 - i);
export const rotated = (width: number) => Array.from({ length: width }, (_, i) => (i + 1) % width);

const isHeadingRow = (row: string[]) => row.filter(Boolean).length === 1;

/** An .xlsx with one sheet per table; text before a table goes above it in column A, headings span the row. */
export async function toXlsx(blocks: Block[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | null = null;
  let pending: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'text') {
      pending.push(block.text);
      continue;
    }
    if (!block.continued || !sheet) {
      sheet = workbook.addWorksheet(`Table ${workbook.worksheets.length + 1}`);
      for (const t of pending) sheet.addRow([t]);
      sheet.addRow(block.header);
    } else for (const t of pending) sheet.addRow([t]);
    pending = [];
    for (const row of block.rows) {
      if (isHeadingRow(row)) {
        const added = sheet.addRow([row.find(Boolean)]);
        sheet.mergeCells(added.number, 1, added.number, block.header.length);
      } else sheet.addRow(row);
    }
  }
  for (const t of pending) sheet?.addRow([t]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (text: string) => (text ? text.split('\n') : ['']).map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`).join('');

/**
 * A minimal .docx: text blocks as paragraphs, tables as w:tbl. Heading rows are one cell
 * spanning the grid (w:gridSpan); an owner repeated on consecutive rows is one merged
 * cell (w:vMerge); the first table sits nested inside a one-cell layout table.
 */
export async function toDocx(blocks: Block[], ownerColumn: (header: string[]) => number): Promise<Uint8Array> {
  const body: string[] = [];
  let first = true;
  for (const block of blocks) {
    if (block.kind === 'text') {
      body.push(paragraphs(block.text));
      continue;
    }
    const width = block.header.length;
    const owner = ownerColumn(block.header);
    const tr = (cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const tc = (text: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${paragraphs(text)}</w:tc>`;
    const rows = [tr(block.header.map((h) => tc(h)))];
    block.rows.forEach((row, r) => {
      if (isHeadingRow(row)) {
        rows.push(tr([tc(row.find(Boolean)!, `<w:gridSpan w:val="${width}"/>`)]));
        return;
      }
      const previous = block.rows[r - 1];
      const next = block.rows[r + 1];
      rows.push(
        tr(
          row.map((cell, c) => {
            if (c !== owner || !cell) return tc(cell);
            if (previous && !isHeadingRow(previous) && previous[c] === cell) return tc('', '<w:vMerge/>');
            if (next && !isHeadingRow(next) && next[c] === cell) return tc(cell, '<w:vMerge w:val="restart"/>');
            return tc(cell);
          }),
        ),
      );
    });
    const table = `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${rows.join('')}</w:tbl>`;
    body.push(first ? `<w:tbl><w:tr><w:tc>${table}<w:p/></w:tc></w:tr></w:tbl>` : table);
    first = false;
  }
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array' });
}

/** A CSV with the given delimiter; cells with newlines are quoted. */
export function toCsv(blocks: Block[], delimiter: string): Uint8Array {
  const rows: string[][] = [];
  for (const b of blocks) {
    if (b.kind === 'text') rows.push([b.text]);
    else rows.push(b.header, ...b.rows);
  }
  return new TextEncoder().encode(Papa.unparse(rows, { delimiter, newline: '\r\n' }));
}

const CP1252: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '™': 0x99 };

/** Text as Windows-1252 bytes, as Notepad or Excel on Windows would save it. */
export function toWindows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => CP1252[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}

/** Text as UTF-16 with a byte-order mark. */
export function toUtf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [hi, lo] = [code >> 8, code & 0xff];
    out.set(endian === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return out;
}

/** What must survive a change of format: everything but where the row was found. */
export function comparable(items: ParsedItem[]) {
  return items.map(({ where: _where, ...rest }) => rest);
}
