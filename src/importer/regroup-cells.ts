import { matchHeader, roleOfHeader } from './column-roles';
import type { TableRow } from './table';

/**
 * Regroups `cell` rows (one cell per line, see read-text.ts) into table rows. A run of
 * consecutive cells that reads as a header fixes the column count; the cells after it are
 * taken that many at a time. Cells left over before the next header are the headings and
 * introductions between tables, so they stay single-cell rows.
 */
export function regroupCells(rows: TableRow[]): TableRow[] {
  const headers = findHeaderRuns(rows);
  if (!headers.length) return rows.map((r) => ({ ...r, kind: r.kind === 'cell' ? 'row' : r.kind }));
  const out: TableRow[] = rows.slice(0, headers[0].start).map((r) => ({ ...r, kind: 'paragraph' as const }));
  headers.forEach((header, h) => {
    const width = header.length;
    const end = h + 1 < headers.length ? headers[h + 1].start : rows.length;
    out.push(joinCells(rows.slice(header.start, header.start + width)));
    const body = rows.slice(header.start + width, end);
    const whole = body.length - (h + 1 < headers.length ? body.length % width : 0);
    for (let i = 0; i + width <= whole; i += width) out.push(joinCells(body.slice(i, i + width)));
    const rest = body.slice(Math.floor(whole / width) * width);
    // Trailing cells of the last table that do not fill a row are still a (short) row.
    if (h + 1 === headers.length && rest.length) out.push(joinCells(rest));
    else out.push(...rest.map((r) => ({ ...r, kind: 'paragraph' as const })));
  });
  return out;
}

function joinCells(cells: TableRow[]): TableRow {
  return { cells: cells.map((c) => c.cells[0] ?? ''), where: cells[0].where, kind: 'row' };
}

/** Runs of 2–12 consecutive cells that together read as a header row. */
function findHeaderRuns(rows: TableRow[]): { start: number; length: number }[] {
  const runs: { start: number; length: number }[] = [];
  // Only cells whose wording names a column can be part of a header; look those up once.
  const named = rows.map((r) => r.kind === 'cell' && roleOfHeader(r.cells[0] ?? '') !== undefined);
  for (let i = 0; i < rows.length; i++) {
    if (!named[i] || !named[i + 1]) continue;
    let best = 0;
    for (let len = 2; len <= 12 && i + len <= rows.length; len++) {
      if (!named[i + len - 1]) break;
      const slice = rows.slice(i, i + len);
      const header = matchHeader(slice.map((r) => r.cells[0]));
      if (header?.kind === 'actions' && Object.keys(header.mapping).length === len) best = len;
    }
    if (best) {
      runs.push({ start: i, length: best });
      i += best - 1;
    }
  }
  return runs;
}
