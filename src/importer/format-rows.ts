import { oneLine } from './cell-text';
import { ROW_KIND_LABELS } from './row-kinds';
import type { ParsedPlan } from './table';

/** Longest cell text shown per row: enough to recognise it, short enough for a terminal line. */
const CELL_PREVIEW = 60;

/**
 * Every row of a parsed plan with its kind and the reason, as a person reads it in a
 * terminal (`plan-tracker import --show-rows`). Rows are keyed `table:row` as `--map`'s
 * saved mapping keys them, and columns numbered from 1 as `--map` counts them.
 */
export function formatRows(parsed: ParsedPlan): string {
  const lines = [`Plan "${parsed.plan}": ${parsed.rows.length} rows read (kind — why; columns numbered from 1 as --map counts them).`];
  for (const mapping of parsed.mappings) {
    const roles = Object.entries(mapping.mapping).sort(([a], [b]) => Number(a) - Number(b)).map(([i, role]) => `${Number(i) + 1}=${role}`);
    lines.push(`  Columns of ${mapping.source}: ${roles.join(', ')}`);
  }
  for (const row of parsed.rows) {
    const text = row.cells.map((c, i) => (c ? `[${i + 1}] ${preview(c)}` : '')).filter(Boolean).join(' ');
    const kind = `${ROW_KIND_LABELS[row.kind]}${row.overridden ? ' (set by hand)' : ''}`;
    lines.push(`  ${`${row.tableIndex}:${row.rowIndex}`.padEnd(8)} ${kind.padEnd(16)} ${row.reason} — ${row.where}: ${text}`);
  }
  return lines.join('\n');
}

function preview(cell: string): string {
  const line = oneLine(cell);
  return line.length > CELL_PREVIEW ? `${line.slice(0, CELL_PREVIEW - 1)}…` : line;
}
