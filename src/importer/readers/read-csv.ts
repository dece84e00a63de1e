import Papa from 'papaparse';
import type { Table } from '../table';

/**
 * A CSV file → one table. The delimiter is guessed among `,` `;` tab and `|` (Excel in
 * many European locales saves `;`); quoted cells may hold newlines.
 */
export function readCsv(text: string, source: string): Table {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: false });
  const rows = result.data
    .map((cells, i) => ({ cells: cells.map((c) => String(c ?? '').trim()), where: `${source} row ${i + 1}`, kind: 'row' as const }))
    .filter((row) => row.cells.some((c) => c !== ''));
  return { source, rows };
}
