import { decodeText, looksBinary } from './readers/decode-text';
import { readCsv } from './readers/read-csv';
import { readDocx } from './readers/read-docx';
import { readTabText } from './readers/read-text';
import { readXlsx } from './readers/read-xlsx';
import { readPlanStructure } from './plan-structure';
import { columnMappingOf, type ImportMapping } from './row-kinds';
import { ImportError, type ColumnMapping, type ParsedPlan, type Table } from './table';

/** Plans are documents, not data dumps: anything bigger is refused rather than read slowly. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

/** `mapping`: column index → role for every table; `importMapping`: what a person confirmed (columns and row kinds). */
export type ParseOptions = { plan?: string; mapping?: ColumnMapping; importMapping?: ImportMapping };

/** A plan's name from its file name: `bame-inequalities-commission.txt` → "Bame Inequalities Commission". */
export function planNameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base
    .replace(/\.[^.]+$/, '')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/** An OLE compound file: what Office writes for a password-protected .docx/.xlsx (and for old .doc/.xls). */
const isOleCompound = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Whether a text without tabs is a table separated by `,` `;` or `|`: most of its lines split
 * into the same number (2 or more) of fields. Prose has commas too, but not in step.
 */
function looksDelimited(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 200);
  if (lines.length < 2) return false;
  return [',', ';', '|'].some((delimiter) => {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const fields = line.replace(/"[^"]*"/g, '""').split(delimiter).length;
      counts.set(fields, (counts.get(fields) ?? 0) + 1);
    }
    const [fields, lines_] = [...counts].sort((a, b) => b[1] - a[1])[0];
    return fields >= 2 && lines_ / lines.length >= 0.6;
  });
}

/** The file's bytes → tables, by its extension (checked against its content). */
export async function readTables(bytes: Uint8Array, fileName: string): Promise<Table[]> {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) throw new ImportError(`${name} is empty. Export the plan again and import the new file.`);
  if (bytes.length > MAX_PLAN_BYTES) {
    throw new ImportError(`${name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; plans over ${MAX_PLAN_BYTES / 1024 / 1024} MB are refused. Remove images or other sheets, or save just the action table, and import that.`);
  }
  if (extension === 'xlsx' || extension === 'docx') {
    if (isOleCompound(bytes)) {
      throw new ImportError(`${name}: this file is password-protected (or saved in the old binary format), so it cannot be read. Open it in ${extension === 'xlsx' ? 'Excel' : 'Word'}, save an unprotected copy as .${extension}, and import that.`);
    }
    if (!isZip(bytes)) throw new ImportError(`${name} is not a real .${extension} file (it is not a zip package). Open it in ${extension === 'xlsx' ? 'Excel' : 'Word'} and save it as .${extension} again.`);
    return extension === 'xlsx' ? readXlsx(bytes, name) : readDocx(bytes, name);
  }
  if (extension === 'xls' || extension === 'doc') throw new ImportError(`${name} is an old binary Office file. Open it and save it as .${extension}x, then import that.`);
  if (!['txt', 'tsv', 'csv', 'tab', 'text', ''].includes(extension)) {
    throw new ImportError(`${name}: .${extension} files are not supported. Import a .docx, .xlsx, .csv, .tsv or .txt file.`);
  }
  const text = decodeText(bytes);
  if (looksBinary(text)) throw new ImportError(`${name} does not look like a text file. If it is a spreadsheet or Word document, give it its real extension (.xlsx or .docx).`);
  if (!text.trim()) throw new ImportError(`${name} has no text in it. Export the plan again and import the new file.`);
  if (extension === 'csv') return [readCsv(text, name)];
  // A .txt without tabs may still be comma/semicolon separated.
  if (!text.includes('\t') && looksDelimited(text)) return [readCsv(text, name)];
  return [readTabText(text, name)];
}

/**
 * A plan file → its actions, progress notes, classified rows and warnings. Browser-safe
 * (no file system): the tab's Import page and the CLI both call this. `importMapping` (what
 * a person confirmed: column roles, row kinds) overrides detection. A plan is refused only
 * when nothing in it can be an action, with an `ImportError` saying what was seen; unread
 * dates, missing owners or an unknown layout give warnings instead.
 */
export async function parsePlanFile(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<ParsedPlan> {
  const tables = await readTables(bytes, fileName);
  const plan = options.plan?.trim() || planNameFromFileName(fileName);
  const columns = options.importMapping ? columnMappingOf(options.importMapping) : undefined;
  const parsed = readPlanStructure(tables, { plan, mapping: options.mapping ?? columns, rowKinds: options.importMapping?.rowKinds });
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  if (!parsed.items.length) throw new ImportError(`${name}: no actions found, so nothing was imported. ${whatWasSeen(tables)} Give the column mapping (which column holds the action, the owner, the due date) or save the action table on its own and import that.`);
  if (!parsed.items.some((i) => i.dueDate || i.ongoing)) {
    parsed.warnings.unshift({ where: name, message: `None of the ${parsed.items.length} actions has a due date that could be read; they are imported without one. Check the date column (e.g. "May-21", "31/03/2024", "Q3 2023/24").` });
  }
  return parsed;
}

/** What the importer saw in a file it could not read actions from: its tables and their first rows. */
function whatWasSeen(tables: Table[]): string {
  const withRows = tables.filter((t) => t.rows.some((r) => r.cells.some(Boolean)));
  if (!withRows.length) return 'It has no text in tables or paragraphs.';
  const described = withRows.slice(0, 3).map((t) => {
    const first = t.rows.filter((r) => r.cells.some(Boolean)).slice(0, 2).map((r) => `"${r.cells.filter(Boolean).join(' | ').replace(/\s+/g, ' ').slice(0, 80)}"`);
    return `${t.source} (${t.rows.length} rows, starting ${first.join(', ')})`;
  });
  return `Seen: ${described.join('; ')}${withRows.length > 3 ? ` and ${withRows.length - 3} more tables` : ''}.`;
}
