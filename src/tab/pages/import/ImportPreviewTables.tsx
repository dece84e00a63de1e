import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ImportWarning, ParsedItem } from '../../../importer/table';
import { formatDate } from '../../format';
import { useImportPageStyles } from './useImportPageStyles.styles';

/** The actions found in the file, as they will be written (everything rendered as text). */
export function ParsedActionsTable({ items, locale }: { items: ParsedItem[]; locale: string }) {
  const styles = useImportPageStyles();
  return (
    <Table aria-label="Actions found" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Section</TableHeaderCell>
          <TableHeaderCell>Ref</TableHeaderCell>
          <TableHeaderCell>Title</TableHeaderCell>
          <TableHeaderCell>Owner</TableHeaderCell>
          <TableHeaderCell>Due (as written)</TableHeaderCell>
          <TableHeaderCell>Due date</TableHeaderCell>
          <TableHeaderCell>Ongoing</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={`${item.actionRef}|${item.where}`}>
            <TableCell><span className={styles.cellText}>{item.section || '—'}</span></TableCell>
            <TableCell>{item.actionRef}</TableCell>
            <TableCell><span className={styles.cellText}>{item.title}</span></TableCell>
            <TableCell><span className={styles.cellText}>{item.owner || '—'}</span></TableCell>
            <TableCell>{item.dueText || '—'}</TableCell>
            <TableCell>{item.dueDate ? formatDate(item.dueDate, locale) : 'None'}</TableCell>
            <TableCell>{item.ongoing ? 'Yes' : 'No'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Rows worth a person's look, each naming where it is in the file. */
export function WarningsTable({ warnings }: { warnings: ImportWarning[] }) {
  const styles = useImportPageStyles();
  return (
    <Table aria-label="Warnings" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Where</TableHeaderCell>
          <TableHeaderCell>Warning</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {warnings.map((warning, index) => (
          <TableRow key={index}>
            <TableCell>{warning.where}</TableCell>
            <TableCell><span className={styles.cellText}>{warning.message}</span></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
