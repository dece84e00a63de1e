import { Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ROW_KINDS, ROW_KIND_LABELS, type ClassifiedRow, type RowKind } from '../../../importer/row-kinds';
import { useImportPageStyles } from './useImportPageStyles.styles';

/** Rows shown at once: a long plan's rows beyond this are still read, just not listed. */
export const ROWS_SHOWN = 400;

export type RowKindsTableProps = {
  rows: ClassifiedRow[];
  disabled?: boolean;
  onChange(row: ClassifiedRow, kind: RowKind): void;
};

/** Every row of the file: what the importer took it for and why; the kind can be changed. */
export function RowKindsTable({ rows, disabled, onChange }: RowKindsTableProps) {
  const styles = useImportPageStyles();
  const shown = rows.slice(0, ROWS_SHOWN);
  return (
    <>
      {rows.length > shown.length && <p className={styles.intro}>Showing the first {ROWS_SHOWN} of {rows.length} rows.</p>}
      <Table aria-label="Rows of the file" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Where</TableHeaderCell>
            <TableHeaderCell>Text</TableHeaderCell>
            <TableHeaderCell>Read as</TableHeaderCell>
            <TableHeaderCell>Why</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((row) => (
            <TableRow key={`${row.tableIndex}:${row.rowIndex}`}>
              <TableCell>{row.where}</TableCell>
              <TableCell><span className={styles.cellText}>{row.cells.filter(Boolean).join(' | ').slice(0, 160)}</span></TableCell>
              <TableCell>
                <Select
                  aria-label={`Kind of ${row.where}`}
                  value={row.kind}
                  disabled={disabled}
                  onChange={(_, data) => onChange(row, data.value as RowKind)}
                >
                  {ROW_KINDS.map((kind) => <option key={kind} value={kind}>{ROW_KIND_LABELS[kind]}</option>)}
                </Select>
              </TableCell>
              <TableCell><span className={styles.cellText}>{row.overridden ? `Your choice. ${row.reason}` : row.reason}</span></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
