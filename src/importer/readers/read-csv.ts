import Papa from 'papaparse';
import type { Table } from '../table';

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * A CSV file → one table. The delimiter is the one of `,` `;` tab `|` that splits the most
 * rows into the same number (≥ 2) of cells: Papa's own guess looks only at the first rows,
 * which in a plan are often a title and an introduction full of commas. Excel in many
 * European locales saves `;`. Quoted cells may hold newlines.
 */
export function readCsv(text: string, source: string): Table {
  const body = text.replace(/^\uFEFF/, '');
  let best: string[][] = [];
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const data = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: true }).data;
    const score = consistency(data);
    if (score > bestScore) [best, bestScore] = [data, score];
  }
  const rows = best
    .map((cells, i) => ({ cells: cells.map((c) => String(c ?? '').trim()), where: `${source} row ${i + 1}`, kind: 'row' as const }))
    .filter((row) => row.cells.some((c) => c !== ''));
  return { source, rows };
}

/** How many rows have the most common cell count, when that count is at least 2. */
function consistency(rows: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.length >= 2) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
