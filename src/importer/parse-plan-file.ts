import { decodeText, looksBinary } from './readers/decode-text';
import { readCsv } from './readers/read-csv';
import { readDocx } from './readers/read-docx';
import { readTabText } from './readers/read-text';
import { readXlsx } from './readers/read-xlsx';
import { readPlanStructure } from './plan-structure';
import { ImportError, type ColumnMapping, type ParsedPlan, type Table } from './table';

/** Plans are documents, not data dumps: anything bigger is refused rather than read slowly. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

export type ParseOptions = { plan?: string; mapping?: ColumnMapping };

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

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The file's bytes → tables, by its extension (checked against its content). */
export async function readTables(bytes: Uint8Array, fileName: string): Promise<Table[]> {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) throw new ImportError(`${name} is empty. Export the plan again and import the new file.`);
  if (bytes.length > MAX_PLAN_BYTES) {
    throw new ImportError(`${name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; plans over ${MAX_PLAN_BYTES / 1024 / 1024} MB are refused. Remove images or other sheets, or save just the action table, and import that.`);
  }
  if (extension === 'xlsx' || extension === 'docx') {
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
  if (!text.includes('\t') && /[,;|]/.test(text)) return [readCsv(text, name)];
  return [readTabText(text, name)];
}

/**
 * A plan file → its actions, progress notes and warnings. Browser-safe (no file system):
 * the tab's Import page and the CLI both call this. Throws `ImportError` for input that
 * cannot be a plan, with a message saying what to do.
 */
export async function parsePlanFile(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<ParsedPlan> {
  const tables = await readTables(bytes, fileName);
  const plan = options.plan?.trim() || planNameFromFileName(fileName);
  const parsed = readPlanStructure(tables, { plan, mapping: options.mapping });
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  if (!parsed.mappings.length && !options.mapping) {
    throw new ImportError(
      `${name}: no header row found. The importer looks for a row naming the columns, such as "Action", "Owner"/"Responsible officer"/"Lead", "Due date"/"By when". Add such a row above the actions, or give the column mapping.`,
    );
  }
  if (!parsed.items.length) throw new ImportError(`${name}: found a header row but no actions under it (rows need action text and an owner or a date).`);
  if (!parsed.items.some((i) => i.dueDate || i.ongoing)) {
    throw new ImportError(`${name}: none of the ${parsed.items.length} actions has a due date this importer can read, so nothing was imported. Check the date column (e.g. "May-21", "31/03/2024", "Ongoing").`);
  }
  return parsed;
}
