import type { Table, TableRow } from '../table';

/**
 * A tab-separated text file (`.txt`/`.tsv`, as text pulled out of Word or PDF) → one table.
 *
 * Two layouts occur. Usually a line is a row and tabs separate its cells. Some
 * extractions instead start every cell on its own line with a tab, continuing a cell on
 * the following lines; those lines become `cell` rows, regrouped once the header row
 * shows how many columns there are (see regroup-cells.ts).
 */
export function readTabText(text: string, source: string): Table {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return { source, rows: isCellPerLine(lines) ? readCellPerLine(lines, source) : readTabRows(lines, source) };
}

/** Most lines with a tab have exactly one, at their start: the cell-per-line layout. */
function isCellPerLine(lines: string[]): boolean {
  const tabbed = lines.filter((l) => l.includes('\t') && l.trim() !== '');
  if (tabbed.length < 4) return false;
  const leadingOnly = tabbed.filter((l) => l.startsWith('\t') && l.indexOf('\t', 1) === -1).length;
  return leadingOnly / tabbed.length > 0.9;
}

function readTabRows(lines: string[], source: string): TableRow[] {
  const rows: TableRow[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split('\t').map((c) => c.trim());
    rows.push({ cells, where: `${source} line ${i + 1}`, kind: cells.filter(Boolean).length > 1 || line.includes('\t') ? 'row' : 'paragraph' });
  });
  return rows;
}

function readCellPerLine(lines: string[], source: string): TableRow[] {
  const rows: TableRow[] = [];
  let current: { text: string[]; line: number } | null = null;
  const flush = () => {
    if (current) rows.push({ cells: [current.text.join('\n').trim()], where: `${source} line ${current.line}`, kind: 'cell' });
    current = null;
  };
  lines.forEach((line, i) => {
    if (line.startsWith('\t')) {
      flush();
      current = { text: [line.slice(1)], line: i + 1 };
    } else if (current) {
      current.text.push(line);
    } else if (line.trim() !== '') {
      rows.push({ cells: [line.trim()], where: `${source} line ${i + 1}`, kind: 'paragraph' });
    }
  });
  flush();
  return rows;
}
