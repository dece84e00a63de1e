import { COLUMN_ROLES, ImportError, type ColumnMapping, type ColumnRole } from './table';

/**
 * What a row of a plan file is. Every row the importer reads gets one kind and a reason,
 * so a person can see (and change) why a row became an action or was left out.
 */
export const ROW_KINDS = ['action', 'heading', 'header', 'progress', 'commentary', 'furniture'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** How each kind is named to a person (preview tables, `--show-rows`). */
export const ROW_KIND_LABELS: Record<RowKind, string> = {
  action: 'Action',
  heading: 'Section heading',
  header: 'Header row',
  progress: 'Progress note',
  commentary: 'Commentary',
  furniture: 'Page furniture',
};

/** One row of one table, its kind and why it got that kind. */
export type ClassifiedRow = {
  /** Which table of the file (0-based, in reading order). */
  tableIndex: number;
  /** Which row of that table (0-based, after blank rows are dropped and split cells regrouped). */
  rowIndex: number;
  /** Where the row came from, for people ("plan.docx table 2 row 5"). */
  where: string;
  cells: string[];
  kind: RowKind;
  reason: string;
  /** True when the kind came from the user's mapping, not from detection. */
  overridden?: boolean;
};

/**
 * The choices a user confirmed for a plan: which column holds which role, and rows whose
 * kind they changed. Saved as JSON in the Plans list's `ImportMapping` field and applied
 * again when a revised version of the plan is imported.
 */
export type ImportMapping = {
  /** Role → column index (0-based) in every action table. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Row kind by row key (`rowKey(tableIndex, rowIndex)`). */
  rowKinds?: Record<string, RowKind>;
};

/** The key of a row in `ImportMapping.rowKinds`: `"<tableIndex>:<rowIndex>"`. */
export const rowKey = (tableIndex: number, rowIndex: number): string => `${tableIndex}:${rowIndex}`;

/** Whether a string names a row kind. */
export const isRowKind = (value: unknown): value is RowKind => typeof value === 'string' && (ROW_KINDS as readonly string[]).includes(value);

/** Whether a string names a column role. */
export const isColumnRole = (value: unknown): value is ColumnRole => typeof value === 'string' && (COLUMN_ROLES as readonly string[]).includes(value);

/** An import mapping as the JSON text kept in the Plans list. */
export function serialiseImportMapping(mapping: ImportMapping): string {
  const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([, v]) => v !== undefined));
  const rowKinds = mapping.rowKinds && Object.keys(mapping.rowKinds).length ? mapping.rowKinds : undefined;
  return JSON.stringify(rowKinds ? { version: 1, columns, rowKinds } : { version: 1, columns });
}

/**
 * The JSON text kept in the Plans list → an import mapping. Text that is not a mapping
 * (hand-edited, from a later version) throws an `ImportError` saying what to do; nothing
 * is guessed from it.
 */
export function parseImportMapping(text: string): ImportMapping {
  const fail = (why: string) =>
    new ImportError(`The saved import mapping cannot be used (${why}). Import the plan without it and confirm the columns again.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw fail('it is not JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw fail('it is not an object');
  const { columns, rowKinds } = raw as { columns?: unknown; rowKinds?: unknown };
  if (!columns || typeof columns !== 'object' || Array.isArray(columns)) throw fail('it has no columns');
  const mapping: ImportMapping = { columns: {} };
  for (const [role, index] of Object.entries(columns)) {
    if (!isColumnRole(role)) throw fail(`"${role}" is not a column role`);
    if (!Number.isInteger(index) || (index as number) < 0) throw fail(`column of "${role}" is not a column number`);
    mapping.columns[role] = index as number;
  }
  if (rowKinds !== undefined) {
    if (!rowKinds || typeof rowKinds !== 'object' || Array.isArray(rowKinds)) throw fail('its row kinds are not an object');
    mapping.rowKinds = {};
    for (const [key, kind] of Object.entries(rowKinds)) {
      if (!/^\d+:\d+$/.test(key)) throw fail(`"${key}" is not a row key`);
      if (!isRowKind(kind)) throw fail(`"${String(kind)}" is not a row kind`);
      mapping.rowKinds[key] = kind;
    }
  }
  return mapping;
}

/** The role → column form of a mapping as the importer's column index → role form. */
export function columnMappingOf(mapping: ImportMapping): ColumnMapping | undefined {
  const entries = Object.entries(mapping.columns).filter(([, index]) => index !== undefined) as [ColumnRole, number][];
  if (!entries.length) return undefined;
  const columns: ColumnMapping = {};
  for (const [role, index] of entries) columns[index] = role;
  return columns;
}

/**
 * The CLI's `--map action=2,owner=4,due=5` (columns counted from 1, as a person counts
 * them) → the column part of an import mapping.
 */
export function parseMapOption(text: string): ImportMapping['columns'] {
  const columns: ImportMapping['columns'] = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z]+)\s*=\s*(\d+)$/i.exec(part);
    if (!match) throw new ImportError(`--map: "${part}" is not role=column. Write e.g. --map action=2,owner=4,due=5 (columns counted from 1).`);
    const role = match[1].toLowerCase();
    if (!isColumnRole(role)) throw new ImportError(`--map: "${match[1]}" is not a column role. Roles: ${COLUMN_ROLES.join(', ')}.`);
    const column = Number(match[2]);
    if (column < 1) throw new ImportError(`--map: columns are counted from 1; "${part}" names column ${column}.`);
    if (columns[role] !== undefined) throw new ImportError(`--map: "${role}" is given twice. Give each role one column.`);
    columns[role] = column - 1;
  }
  if (!Object.keys(columns).length) throw new ImportError('--map is empty. Write e.g. --map action=2,owner=4,due=5 (columns counted from 1).');
  if (columns.action === undefined) throw new ImportError('--map must name the action column (e.g. action=2): without it no row can become an action.');
  return columns;
}
