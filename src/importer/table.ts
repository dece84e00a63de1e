import type { IsoDate, Rag, Status } from '../domain/plan-item';
import type { ClassifiedRow } from './row-kinds';

/** One row as a reader found it; `where` names it for warnings ("plan.txt line 143"). */
export type TableRow = {
  cells: string[];
  where: string;
  /**
   * `row`: a table row. `paragraph`: text outside any table (a possible heading).
   * `cell`: one cell of a plan whose extraction put every cell on its own line; these are
   * regrouped into rows once the header row shows how many columns there are.
   */
  kind: 'row' | 'paragraph' | 'cell';
};

/** One sheet, Word table or text file, as rows of cell texts. */
export type Table = { source: string; rows: TableRow[] };

/** What a column holds. `context` is evidence/background text shown next to an action. */
export const COLUMN_ROLES = [
  'ref', 'section', 'action', 'context', 'owner', 'due', 'start', 'resource', 'rag', 'status', 'measure', 'progress', 'ignore',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Column index → role, as detected from a header row or given by the user. */
export type ColumnMapping = Record<number, ColumnRole>;

/** A problem worth a person's look, naming the source row. */
export type ImportWarning = { where: string; message: string };

/** One action as the plan states it, before anything is written. */
export type ParsedItem = {
  section: string;
  actionRef: string;
  /** `plan`: the plan wrote this reference; `position`: derived from section and position. */
  refKind: 'plan' | 'position';
  title: string;
  action: string;
  /** Evidence / background text from the same row, kept with the action's details. */
  context: string;
  owner: string;
  dueText: string;
  dueDate: IsoDate | null;
  ongoing: boolean;
  startDate: IsoDate | null;
  resource: string;
  rag: Rag | null;
  status: Status | null;
  measure: string;
  /** Text of the row's progress/update columns, oldest column first (for Progress Updates). */
  progress?: string;
  where: string;
};

/** A note of progress already made ("Actions taken", "Completed" tables), kept with its section. */
export type ProgressNote = { section: string; text: string; completed: boolean; where: string };

/** What the importer made of a plan file. */
export type ParsedPlan = {
  plan: string;
  items: ParsedItem[];
  progressNotes: ProgressNote[];
  warnings: ImportWarning[];
  /** The column mapping used for each table with a header, by table source. */
  mappings: { source: string; header: string[]; mapping: ColumnMapping }[];
  /** Every non-blank row of the file with its kind and the reason for it, in reading order. */
  rows: ClassifiedRow[];
};

/** Input the importer refuses: the message says what is wrong and what to do. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
